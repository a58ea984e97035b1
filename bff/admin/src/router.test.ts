/** Access matrix (every procedure × every role, tripwire services): see `@sysops/trpc-server/access-matrix`. */
import { describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { createServices } from "./clients.ts";
import { appRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

describeAccessMatrix({
  title: "bff-admin access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [{ name: "users.list", allowed: ["admin"], call: (api) => api.users.list() }],
});
