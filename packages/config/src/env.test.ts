import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";
import { suitePorts } from "./ports.ts";

describe("loadEnv", () => {
  it("applies defaults", () => {
    const env = loadEnv({});
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.SYSOPS_PORT_BASE).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the bad variable", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ SYSOPS_INTERNAL_SECRET: "short" })).toThrow(/SYSOPS_INTERNAL_SECRET: must be at least 32/);
  });
});

describe("suitePorts", () => {
  it("derives distinct ports from the base", () => {
    const p = suitePorts(4000);
    const all = [p.gateway, ...Object.values(p.bff), ...Object.values(p.service)];
    expect(new Set(all).size).toBe(all.length);
    expect(p.bff.ticketing).toBe(4101);
    expect(p.service.ticketing).toBe(4203);
  });
});
