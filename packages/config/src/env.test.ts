import { describe, expect, it } from "vitest";
import { loadEnv, notificationDelivery } from "./env.ts";
import { suitePorts } from "./ports.ts";

describe("loadEnv", () => {
  it("applies defaults", () => {
    const env = loadEnv({});
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.SYSOPS_PORT_BASE).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("refuses a port base whose derived ports fetch would refuse, naming them", () => {
    expect(() => loadEnv({ SYSOPS_PORT_BASE: "6460" })).toThrow(/SYSOPS_PORT_BASE: .*6667/);
    expect(loadEnv({ SYSOPS_PORT_BASE: "5460" }).SYSOPS_PORT_BASE).toBe(5460);
  });

  it("names the bad variable", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ SYSOPS_INTERNAL_SECRET: "short" })).toThrow(/SYSOPS_INTERNAL_SECRET: must be at least 32/);
  });
});

describe("suitePorts", () => {
  it("derives distinct ports from the base", () => {
    const p = suitePorts(4000);
    const all = [p.gateway, ...Object.values(p.bff), ...Object.values(p.service), ...Object.values(p.notificationSinks), ...Object.values(p.worker)];
    expect(new Set(all).size).toBe(all.length);
    expect(p.bff.ticketing).toBe(4101);
    expect(p.service.ticketing).toBe(4203);
    expect(p.worker.ticketing).toBe(4207);
  });
});

describe("notificationDelivery", () => {
  it("uses the local sinks when no provider is configured", () => {
    expect(notificationDelivery(loadEnv({}))).toEqual({ kind: "local-sinks" });
  });

  it("uses the providers when SMTP_URL is set, and names what is missing", () => {
    const providers = { SMTP_URL: "smtp://u:p@mail.example:587", SMS_API_URL: "https://sms.example/send", SMS_API_TOKEN: "t" };
    expect(notificationDelivery(loadEnv(providers))).toEqual({ kind: "providers", smtpUrl: providers.SMTP_URL, smsApiUrl: providers.SMS_API_URL, smsApiToken: "t" });
    expect(() => notificationDelivery(loadEnv({ SMTP_URL: providers.SMTP_URL }))).toThrow(/SMS_API_URL: required unless NOTIFY_SINKS=local/);
  });

  it("lets NOTIFY_SINKS=local win over configured providers", () => {
    expect(notificationDelivery(loadEnv({ NOTIFY_SINKS: "local", SMTP_URL: "smtp://mail.example" }))).toEqual({ kind: "local-sinks" });
  });
});
