/**
 * bff-kb's API. mfe-kb imports `AppRouter` as a type only. No knowledge service exists yet, so the KB
 * screen only greets the signed-in user.
 */
import { requireRole, router } from "./trpc.ts";

export const appRouter = router({
  me: requireRole("customer", "agent", "expert").query(({ ctx }) => ({ name: ctx.caller.name, role: ctx.caller.role })),
});

export type AppRouter = typeof appRouter;
