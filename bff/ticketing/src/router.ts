/** bff-ticketing's API. mfe-ticketing imports `AppRouter` as a type only. */
import { USER_ROLES } from "@sysops/internal-auth/roles";
import { filingRouter } from "./filing/router.ts";
import { ticketsRouter } from "./tickets/router.ts";
import { requireRole, router } from "./trpc.ts";

export const appRouter = router({
  me: requireRole(...USER_ROLES).query(({ ctx }) => ({ name: ctx.caller.name, role: ctx.caller.role })),
  filing: filingRouter,
  tickets: ticketsRouter,
});

export type AppRouter = typeof appRouter;
