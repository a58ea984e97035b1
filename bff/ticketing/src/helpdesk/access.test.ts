/** Helpdesk procedures × every role (tripwire services): see `@sysops/trpc-server/access-matrix`. */
import { describe, expect, it } from "vitest";
import { describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createContextInner } from "../trpc.ts";

const CUSTOMER = "0b5a3c1e-6a8f-4c1e-8f2a-9d1e2f3a4b5c";
const TICKET = "1c6b4d2f-7b9a-4d2f-9a3b-0e2f3a4b5c6d";
const PRODUCT = "2d7c5e3a-8cab-4e3a-8b4c-1f3a4b5c6d7e";

const matrix = describeAccessMatrix({
  title: "bff-ticketing helpdesk access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [
    { name: "helpdesk.findCaller", allowed: ["agent", "admin"], call: (api) => api.helpdesk.findCaller({ query: "Alice" }) },
    { name: "helpdesk.caller", allowed: ["agent", "admin"], call: (api) => api.helpdesk.caller({ customerId: CUSTOMER }) },
    {
      name: "helpdesk.fileForCaller",
      allowed: ["agent"],
      call: (api) =>
        api.helpdesk.fileForCaller({ customerId: CUSTOMER, productId: PRODUCT, description: "No sound", serviceAddress: "1 Main Street", idempotencyKey: TICKET }),
    },
    { name: "helpdesk.searchTickets", allowed: ["agent", "manager", "admin"], call: (api) => api.helpdesk.searchTickets({ filters: { status: "new" } }) },
    { name: "helpdesk.ticket", allowed: ["agent", "manager", "admin"], call: (api) => api.helpdesk.ticket({ number: "T-000001" }) },
    {
      name: "helpdesk.act",
      allowed: ["agent"],
      call: (api) => api.helpdesk.act({ ticketId: TICKET, action: "escalate", expectedVersion: 0, reason: "Caller is furious" }),
    },
  ],
});

describe("helpdesk input checks happen before any service call", () => {
  it.each([
    ["a one-letter caller search", () => matrix.as("agent").helpdesk.findCaller({ query: " a " })],
    ["an end date before the start date", () => matrix.as("agent").helpdesk.searchTickets({ filters: { createdFrom: "2026-05-02", createdTo: "2026-05-01" } })],
    ["an unknown status", () => matrix.as("agent").helpdesk.searchTickets({ filters: { status: "lost" } })],
    ["an escalation without a reason", () => matrix.as("agent").helpdesk.act({ ticketId: TICKET, action: "escalate", expectedVersion: 0, reason: " " })],
    ["a malformed ticket number", () => matrix.as("agent").helpdesk.ticket({ number: "1; DROP" })],
  ])("refuses %s with BAD_REQUEST", async (_label, call) => {
    const before = matrix.hits();
    await expect(call()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(matrix.hits()).toBe(before);
  });
});
