import { DEMO_PASSWORD } from "@sysops/demo-data";
import { describe, expect, it } from "vitest";
import { passwordMatches } from "../auth/password.ts";
import { DEMO_PASSWORD_HASH } from "./demo-password-hash.ts";

describe("DEMO_PASSWORD_HASH", () => {
  it("is an argon2id hash of the demo password", async () => {
    expect(DEMO_PASSWORD_HASH).toMatch(/^\$argon2id\$/);
    await expect(passwordMatches(DEMO_PASSWORD_HASH, DEMO_PASSWORD)).resolves.toBe(true);
    await expect(passwordMatches(DEMO_PASSWORD_HASH, "sysops-demo ")).resolves.toBe(false);
  });
});
