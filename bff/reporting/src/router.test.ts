/** Access matrix (every procedure × every role, tripwire services): see `@sysops/trpc-server/access-matrix`. */
import { describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { createServices } from "./clients.ts";
import { appRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

describeAccessMatrix({
  title: "bff-reporting access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [{ name: "tickets.statusCounts", allowed: ["manager", "admin"], call: (api) => api.tickets.statusCounts() }],
});
