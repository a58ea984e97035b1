/** bff-admin's API. mfe-admin imports `AppRouter` as a type only. */
import { router } from "./trpc.ts";
import { usersRouter } from "./users/router.ts";

export const appRouter = router({
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
