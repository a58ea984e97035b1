import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin.ts";

const req = (method: string, headers: Record<string, string>) => ({ method, headers }) as unknown as FastifyRequest;

describe("isSameOrigin", () => {
  it("lets safe methods through without any header", () => {
    expect(isSameOrigin(req("GET", { host: "suite.example" }))).toBe(true);
  });

  it("accepts an unsafe method whose Origin or Referer is this host, default ports included", () => {
    expect(isSameOrigin(req("POST", { host: "suite.example", origin: "https://suite.example" }))).toBe(true);
    expect(isSameOrigin(req("POST", { host: "localhost:80", origin: "http://localhost" }))).toBe(true);
    expect(isSameOrigin(req("DELETE", { host: "127.0.0.1:3000", referer: "http://127.0.0.1:3000/tickets" }))).toBe(true);
  });

  it("refuses another host, another port, a null origin, or no origin at all", () => {
    expect(isSameOrigin(req("POST", { host: "suite.example", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(req("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }))).toBe(false);
    expect(isSameOrigin(req("POST", { host: "suite.example", origin: "null" }))).toBe(false);
    expect(isSameOrigin(req("PUT", { host: "suite.example" }))).toBe(false);
  });
});
