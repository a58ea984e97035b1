/**
 * bff-ticketing's API. mfe-ticketing imports `AppRouter` as a type only. One sub-router per screen family:
 * `customer` (customer portal), `helpdesk` (agents), `expert` (expert console), `live` (subscriptions).
 */
import { USER_ROLES } from "@sysops/internal-auth/roles";
import { customerRouter } from "./customer/router.ts";
import { expertRouter } from "./expert/router.ts";
import { helpdeskRouter } from "./helpdesk/router.ts";
import { liveRouter } from "./live/router.ts";
import { requireRole, router } from "./trpc.ts";

export const appRouter = router({
  me: requireRole(...USER_ROLES).query(({ ctx }) => ({ name: ctx.caller.name, role: ctx.caller.role })),
  customer: customerRouter,
  helpdesk: helpdeskRouter,
  expert: expertRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;
