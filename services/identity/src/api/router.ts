import { z } from "zod";
import { userRoleSchema } from "@sysops/internal-auth/roles";
import { verifyCredentials } from "../auth/verify-credentials.ts";
import { listExperts } from "../experts/list-experts.ts";
import { assertMaySetOnDuty } from "../experts/on-duty-access.ts";
import { profileChangeSchema } from "../experts/profile-input.ts";
import { updateExpertProfile } from "../experts/update-profile.ts";
import { listUsers } from "../users/list-users.ts";
import { usersByRole } from "../users/users-by-role.ts";
import { requireRole, router } from "./trpc.ts";

const expertId = z.uuid("Not an expert id");

export const identityRouter = router({
  auth: router({
    /** Only the gateway (a service caller) signs people in. */
    verifyPassword: requireRole("service")
      .input(z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }))
      .mutation(async ({ ctx, input }) => ({ user: await verifyCredentials(ctx.db, input.email, input.password) })),
  }),
  users: router({
    list: requireRole("admin").query(({ ctx }) => listUsers(ctx.db)),
    /** Contacts of everyone with a role (e.g. managers for escalation mail). */
    byRole: requireRole("service")
      .input(z.object({ role: userRoleSchema }))
      .query(({ ctx, input }) => usersByRole(ctx.db, input.role)),
  }),
  experts: router({
    list: requireRole("admin", "manager").query(({ ctx }) => listExperts(ctx.db)),
    updateProfile: requireRole("admin")
      .input(profileChangeSchema.extend({ expertId }))
      .mutation(({ ctx, input: { expertId: id, ...change } }) => updateExpertProfile(ctx.db, id, change)),
    setOnDuty: requireRole("admin", "expert")
      .input(z.object({ expertId, onDuty: z.boolean() }))
      .mutation(({ ctx, input }) => {
        assertMaySetOnDuty(ctx.caller, input.expertId);
        return updateExpertProfile(ctx.db, input.expertId, { onDuty: input.onDuty });
      }),
  }),
});

export type IdentityRouter = typeof identityRouter;
export type { SessionUser } from "../users/session-user.ts";
export type { ExpertView } from "../experts/list-experts.ts";
export type { ExpertProfileSnapshot } from "../experts/expert-profile.ts";
export type { UserSummary } from "../users/list-users.ts";
export type { UserContact } from "../users/users-by-role.ts";
