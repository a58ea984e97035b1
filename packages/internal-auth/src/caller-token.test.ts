import { describe, expect, it, vi } from "vitest";
import { SignJWT } from "jose";
import { signCaller, verifyCaller } from "./caller-token.ts";

const secret = "s".repeat(32);

describe("caller token", () => {
  it("round-trips a user caller", async () => {
    const caller = { kind: "user", userId: "u1", role: "customer", name: "Ann", customerId: "c1" } as const;
    await expect(verifyCaller(await signCaller(caller, secret), secret)).resolves.toEqual(caller);
  });

  it("rejects a token signed with another secret", async () => {
    const token = await signCaller({ kind: "service", service: "ticketing" }, "x".repeat(32));
    await expect(verifyCaller(token, secret)).rejects.toThrow(/invalid caller token/);
  });

  it("rejects a missing token and an unsigned payload", async () => {
    await expect(verifyCaller(undefined, secret)).rejects.toThrow(/missing/);
    const forged = await new SignJWT({ caller: { kind: "user", userId: "u", role: "admin", name: "x" } })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("y".repeat(32)));
    await expect(verifyCaller(forged, secret)).rejects.toThrow();
  });

  it("rejects an unknown role", async () => {
    const token = await new SignJWT({ caller: { kind: "user", userId: "u", role: "root", name: "x" } })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("sysops-suite")
      .sign(new TextEncoder().encode(secret));
    await expect(verifyCaller(token, secret)).rejects.toThrow(/invalid caller token/);
  });
});

describe("caller token reuse", () => {
  it("hands out the same token for the same caller, and another for another caller", async () => {
    const ann = { kind: "user", userId: "u1", role: "customer", name: "Ann", customerId: "c1" } as const;
    const first = await signCaller(ann, secret);
    expect(await signCaller(ann, secret)).toBe(first);
    expect(await signCaller({ ...ann, role: "agent" }, secret)).not.toBe(first);
    expect(await signCaller(ann, "z".repeat(32))).not.toBe(first);
  });

  it("refuses a remembered token under another secret and once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const token = await signCaller({ kind: "service", service: "expiry-test" }, secret);
      await expect(verifyCaller(token, secret)).resolves.toEqual({ kind: "service", service: "expiry-test" });
      await expect(verifyCaller(token, "q".repeat(32))).rejects.toThrow(/invalid caller token/);
      vi.setSystemTime(Date.now() + 121_000);
      await expect(verifyCaller(token, secret)).rejects.toThrow(/invalid caller token/);
      // A token signed now is a fresh one (the remembered one is past its reuse time).
      expect(await signCaller({ kind: "service", service: "expiry-test" }, secret)).not.toBe(token);
    } finally {
      vi.useRealTimers();
    }
  });
});
