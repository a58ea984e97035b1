/** bff-customer's API. mfe-customer imports `AppRouter` as a type only. */
import { accountRouter } from "./account/router.ts";
import { customersRouter } from "./customers/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  account: accountRouter,
  customers: customersRouter,
});

export type AppRouter = typeof appRouter;
