import { describe, expect, it } from "vitest";
import { loginErrorFrom } from "./session.ts";

describe("loginErrorFrom", () => {
  it("uses the gateway's message", () => {
    expect(loginErrorFrom(401, { error: "Invalid email or password" })).toEqual({ message: "Invalid email or password", fieldErrors: {} });
  });

  it("puts field errors next to their fields", () => {
    const result = loginErrorFrom(400, { error: "Invalid input", fieldErrors: { email: ["Invalid email address"], password: "Required" } });
    expect(result.fieldErrors).toEqual({ email: "Invalid email address", password: "Required" });
  });

  it("explains rate limiting and server failures without a body", () => {
    expect(loginErrorFrom(429, null).message).toMatch(/Too many attempts/);
    expect(loginErrorFrom(502, "<html>").message).toMatch(/Try again/);
  });
});
