import { describe, expect, it } from "vitest";
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
