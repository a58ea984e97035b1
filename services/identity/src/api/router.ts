import { z } from "zod";
import { verifyCredentials } from "../auth/verify-credentials.ts";
import { listExperts } from "../experts/list-experts.ts";
import { listUsers } from "../users/list-users.ts";
import { requireRole, router } from "./trpc.ts";

export const identityRouter = router({
  auth: router({
    /** Only the gateway (a service caller) signs people in. */
    verifyPassword: requireRole("service")
      .input(z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }))
      .mutation(async ({ ctx, input }) => ({ user: await verifyCredentials(ctx.db, input.email, input.password) })),
  }),
  users: router({
    list: requireRole("admin").query(({ ctx }) => listUsers(ctx.db)),
  }),
  experts: router({
    list: requireRole("admin", "manager").query(({ ctx }) => listExperts(ctx.db)),
  }),
});

export type IdentityRouter = typeof identityRouter;
export type { SessionUser } from "../users/session-user.ts";
export type { ExpertView } from "../experts/list-experts.ts";
export type { UserSummary } from "../users/list-users.ts";
