import { USER_ROLES } from "@sysops/internal-auth/roles";
import { describe, expect, it } from "vitest";
import { Role } from "../generated/prisma/enums.ts";

describe("Role", () => {
  it("equals USER_ROLES, which caller tokens are validated against", () => {
    expect(Object.values(Role)).toEqual([...USER_ROLES]);
  });
});
