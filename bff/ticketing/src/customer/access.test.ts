/**
 * Access matrix of the customer portal: every procedure × every role against tripwire services (see
 * @sysops/trpc-server/access-matrix). Only customers get through. Ownership (another customer's ticket is
 * NOT_FOUND, their survey untouchable) needs real services: customer.integration-test.ts.
 */
import { randomUUID } from "node:crypto";
import { describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { createServices } from "../clients.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createContextInner } from "../trpc.ts";

const ticketId = randomUUID();
const action = { ticketId, expectedVersion: 1 };
const token = "a".repeat(43);
const filing = {
  productId: randomUUID(),
  category: "tv",
  description: "The picture is dark",
  serviceAddress: "1 Main Street",
  saveAsDefault: false,
  preferredDate: "",
  preferredSlot: "any" as const,
  idempotencyKey: randomUUID(),
  timeZone: "UTC",
};

describeAccessMatrix({
  title: "bff-ticketing customer portal access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [
    { name: "customer.filingOptions", allowed: ["customer"], call: (api) => api.customer.filingOptions() },
    { name: "customer.fileTicket", allowed: ["customer"], call: (api) => api.customer.fileTicket(filing) },
    { name: "customer.myTickets", allowed: ["customer"], call: (api) => api.customer.myTickets() },
    { name: "customer.ticket", allowed: ["customer"], call: (api) => api.customer.ticket({ number: "T-000001" }) },
    { name: "customer.cancel", allowed: ["customer"], call: (api) => api.customer.cancel(action) },
    { name: "customer.confirm", allowed: ["customer"], call: (api) => api.customer.confirm(action) },
    { name: "customer.reopen", allowed: ["customer"], call: (api) => api.customer.reopen(action) },
    { name: "customer.answerTicketSurvey", allowed: ["customer"], call: (api) => api.customer.answerTicketSurvey({ ticketId, rating: 5, comment: "" }) },
    { name: "customer.surveyByToken", allowed: ["customer"], call: (api) => api.customer.surveyByToken({ token }) },
    { name: "customer.answerSurveyByToken", allowed: ["customer"], call: (api) => api.customer.answerSurveyByToken({ token, rating: 5, comment: "" }) },
  ],
});
