/**
 * Access matrix: every procedure × every role. A denied role gets FORBIDDEN before any service is called;
 * an allowed role gets through to the service. The "services" here are tripwires, real HTTP servers that
 * only count requests and fail, so an allowed call shows up as a hit and an INTERNAL_SERVER_ERROR.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { USER_ROLES, type UserRole } from "@sysops/internal-auth/roles";
import { createServices } from "./clients.ts";
import { appRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

let hits = 0;
let tripwire: http.Server;
let services: ReturnType<typeof createServices>;

beforeAll(async () => {
  tripwire = http.createServer((_req, res) => {
    hits += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => tripwire.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(tripwire.address() as AddressInfo).port}`;
  services = createServices(() => url);
});
afterAll(() => new Promise<void>((resolve) => tripwire.close(() => resolve())));

const callerAs = (role: UserRole) =>
  createCallerFactory(appRouter)(
    createContextInner({ kind: "user", userId: `u-${role}`, role, name: `A ${role}`, customerId: role === "customer" ? "c-1" : undefined }, services),
  );

type Api = ReturnType<typeof callerAs>;
const validTicket = { productId: "p-1", description: "The TV shows no picture", serviceAddress: "12 Main Street, Springfield" };

const matrix: { name: string; allowed: UserRole[]; call: (api: Api) => Promise<unknown>; needsService: boolean }[] = [
  { name: "me", allowed: [...USER_ROLES], call: (api) => api.me(), needsService: false },
  { name: "filing.options", allowed: ["customer"], call: (api) => api.filing.options(), needsService: true },
  { name: "tickets.create", allowed: ["customer"], call: (api) => api.tickets.create(validTicket), needsService: true },
  { name: "tickets.mine", allowed: ["customer"], call: (api) => api.tickets.mine(), needsService: true },
  { name: "tickets.get", allowed: ["customer", "agent", "manager", "admin"], call: (api) => api.tickets.get({ ticketId: "t-1" }), needsService: true },
  { name: "tickets.search", allowed: ["agent", "manager", "admin"], call: (api) => api.tickets.search({ query: "T-000001" }), needsService: true },
];

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (err: unknown) => (err instanceof TRPCError ? err.code : "NOT_A_TRPC_ERROR"),
  );

describe("bff-ticketing access matrix", () => {
  for (const row of matrix) {
    for (const role of USER_ROLES) {
      const allowed = row.allowed.includes(role);
      it(`${row.name} × ${role} → ${allowed ? "allowed" : "FORBIDDEN"}`, async () => {
        const before = hits;
        const code = await codeOf(row.call(callerAs(role)));
        if (!allowed) {
          expect(code).toBe("FORBIDDEN");
          expect(hits).toBe(before);
        } else if (row.needsService) {
          expect(code).toBe("INTERNAL_SERVER_ERROR");
          expect(hits).toBeGreaterThan(before);
        } else {
          expect(code).toBe("OK");
        }
      });
    }
  }

  it("refuses a request without a signed-in user", async () => {
    const anonymous = createCallerFactory(appRouter)(createContextInner(null, services));
    await expect(codeOf(anonymous.me())).resolves.toBe("UNAUTHORIZED");
  });

  it("refuses a customer token without a customer record before calling a service", async () => {
    const before = hits;
    const api = createCallerFactory(appRouter)(createContextInner({ kind: "user", userId: "u", role: "customer", name: "N" }, services));
    await expect(codeOf(api.tickets.mine())).resolves.toBe("FORBIDDEN");
    expect(hits).toBe(before);
  });

  it("me returns the caller's name and role", async () => {
    await expect(callerAs("agent").me()).resolves.toEqual({ name: "A agent", role: "agent" });
  });
});
