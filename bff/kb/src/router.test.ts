/** Access matrix: `me` is for customers, agents and experts; everyone else is FORBIDDEN. */
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { USER_ROLES, type UserRole } from "@sysops/internal-auth/roles";
import { appRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

const callerAs = (role: UserRole) => createCallerFactory(appRouter)(createContextInner({ kind: "user", userId: `u-${role}`, role, name: `A ${role}` }));
const allowed: UserRole[] = ["customer", "agent", "expert"];

describe("bff-kb access matrix", () => {
  for (const role of USER_ROLES) {
    if (allowed.includes(role)) {
      it(`me × ${role} → name and role`, async () => {
        await expect(callerAs(role).me()).resolves.toEqual({ name: `A ${role}`, role });
      });
    } else {
      it(`me × ${role} → FORBIDDEN`, async () => {
        const err = await callerAs(role).me().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(TRPCError);
        expect((err as TRPCError).code).toBe("FORBIDDEN");
      });
    }
  }

  it("refuses a request without a signed-in user", async () => {
    const err = await createCallerFactory(appRouter)(createContextInner(null)).me().catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("UNAUTHORIZED");
  });
});
