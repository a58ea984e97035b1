/**
 * Access matrix of the expert console and live procedures: every procedure × every role, tripwire services
 * (see @sysops/trpc-server/access-matrix). Ownership (an expert only sees and acts on tickets assigned to
 * them) needs real services: expert.integration-test.ts.
 */
import { randomUUID } from "node:crypto";
import { USER_ROLES } from "@sysops/internal-auth/roles";
import { describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createContextInner } from "../trpc.ts";

const ticketId = randomUUID();
const action = { ticketId, expectedVersion: 1 };

describeAccessMatrix({
  title: "bff-ticketing expert + live access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [
    { name: "expert.assignments", allowed: ["expert"], call: (api) => api.expert.assignments() },
    { name: "expert.ticket", allowed: ["expert"], call: (api) => api.expert.ticket({ ticketId }) },
    { name: "expert.accept", allowed: ["expert"], call: (api) => api.expert.accept(action) },
    { name: "expert.reject", allowed: ["expert"], call: (api) => api.expert.reject({ ...action, reason: "Not my area" }) },
    { name: "expert.start", allowed: ["expert"], call: (api) => api.expert.start(action) },
    { name: "expert.resolve", allowed: ["expert"], call: (api) => api.expert.resolve({ ...action, notes: "Replaced the fuse" }) },
    // Every signed-in role may subscribe; what each receives is filtered per event (live/ticket-change.ts,
    // live.integration-test.ts). The stream is opened lazily, so an allowed call answers without a service.
    { name: "live.ticketChanges", allowed: USER_ROLES, call: (api) => api.live.ticketChanges(), reachesService: false },
  ],
});
