/** bff-reporting's API. mfe-reporting imports `AppRouter` as a type only. */
import { ticketsRouter } from "./tickets/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  tickets: ticketsRouter,
});

export type AppRouter = typeof appRouter;
