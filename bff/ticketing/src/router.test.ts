/**
 * Access matrix of the routers at the top of bff-ticketing (every procedure × every role, tripwire services):
 * see `@sysops/trpc-server/access-matrix`. Each console adds its own rows in `<console>/access.test.ts`.
 */
import { describe, expect, it } from "vitest";
import { codeOf, describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { USER_ROLES } from "@sysops/internal-auth/roles";
import { createServices } from "./clients.ts";
import { appRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";


const matrix = describeAccessMatrix({
  title: "bff-ticketing access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [
    { name: "me", allowed: USER_ROLES, call: (api) => api.me(), reachesService: false },
  ],
});

describe("bff-ticketing caller checks", () => {
  it("refuses a customer token without a customer record before calling a service", async () => {
    const before = matrix.hits();
    await expect(codeOf(matrix.as("customer", { customerId: undefined }).customer.myTickets())).resolves.toBe("FORBIDDEN");
    expect(matrix.hits()).toBe(before);
  });

  it("me returns the caller's name and role", async () => {
    await expect(matrix.as("agent").me()).resolves.toEqual({ name: "A agent", role: "agent" });
  });
});
