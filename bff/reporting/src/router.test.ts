/**
 * Access matrix: every procedure × every role. A denied role gets FORBIDDEN before any service is called;
 * an allowed role gets through to the service. The "service" here is a tripwire, a real HTTP server that
 * only counts requests and fails, so an allowed call shows up as a hit and an INTERNAL_SERVER_ERROR.
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

const matrix: { name: string; allowed: UserRole[]; call: (api: Api) => Promise<unknown> }[] = [
  { name: "tickets.statusCounts", allowed: ["manager", "admin"], call: (api) => api.tickets.statusCounts() },
];

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (err: unknown) => (err instanceof TRPCError ? err.code : "NOT_A_TRPC_ERROR"),
  );

describe("bff-reporting access matrix", () => {
  for (const row of matrix) {
    for (const role of USER_ROLES) {
      const allowed = row.allowed.includes(role);
      it(`${row.name} × ${role} → ${allowed ? "reaches the service" : "FORBIDDEN"}`, async () => {
        const before = hits;
        const code = await codeOf(row.call(callerAs(role)));
        if (allowed) {
          expect(code).toBe("INTERNAL_SERVER_ERROR");
          expect(hits).toBeGreaterThan(before);
        } else {
          expect(code).toBe("FORBIDDEN");
          expect(hits).toBe(before);
        }
      });
    }
  }

  it("refuses a request without a signed-in user", async () => {
    const anonymous = createCallerFactory(appRouter)(createContextInner(null, services));
    await expect(codeOf(matrix[0]!.call(anonymous))).resolves.toBe("UNAUTHORIZED");
  });

});
