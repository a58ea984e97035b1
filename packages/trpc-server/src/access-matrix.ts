/**
 * The access matrix every BFF tests: every procedure × every role (customer, agent, expert, manager, admin),
 * plus ownership cases. Test-only (imports vitest); a BFF's `router.test.ts` / `<console>/access.test.ts`
 * feeds it rows:
 *
 * ```ts
 * describeAccessMatrix({
 *   title: "bff-ticketing access matrix",
 *   services: (url) => createServices(() => url),
 *   api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
 *   rows: [{ name: "tickets.mine", allowed: ["customer"], call: (api) => api.tickets.mine() }],
 * });
 * ```
 *
 * How a row is judged: a denied role gets FORBIDDEN and no service request is made; an allowed role gets
 * through to the service. The "services" are a tripwire, a real HTTP server that only counts requests and
 * answers 503, so an allowed call shows up as a hit and an INTERNAL_SERVER_ERROR (or `OK` for procedures the
 * BFF answers itself: `reachesService: false`). Every matrix also checks that a request without a signed-in
 * user is UNAUTHORIZED.
 *
 * Ownership ("a customer sees only their tickets, an expert only tickets assigned to them") needs a service
 * that answers, so `describeAccessCases` runs explicit callers against whatever services the test gives it
 * (real ones in an integration test) and checks the expected code, e.g. NOT_FOUND for someone else's ticket.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { UserCaller } from "@sysops/internal-auth";
import { USER_ROLES, type UserRole } from "@sysops/internal-auth/roles";

/** What a call ended with: "OK", a tRPC error code, or NOT_A_TRPC_ERROR for anything else thrown. */
export type CallOutcome = "OK" | TRPCError["code"] | "NOT_A_TRPC_ERROR";

export const codeOf = (promise: Promise<unknown>): Promise<CallOutcome> =>
  promise.then(
    () => "OK" as const,
    (err: unknown) => (err instanceof TRPCError ? err.code : "NOT_A_TRPC_ERROR"),
  );

/** The customer record a matrix's customer caller has (ownership cases use their own callers). */
export const MATRIX_CUSTOMER_ID = "c-1";

/** A signed-in user of the given role, as the gateway would vouch for them; `overrides` for ownership cases. */
export const userCaller = (role: UserRole, overrides: Partial<UserCaller> = {}): UserCaller => ({
  kind: "user",
  userId: `u-${role}`,
  role,
  name: `A ${role}`,
  customerId: role === "customer" ? MATRIX_CUSTOMER_ID : undefined,
  ...overrides,
});

export interface Tripwire {
  url: string;
  /** Requests received so far. */
  hits: () => number;
  close: () => Promise<void>;
}

/** A real HTTP server that counts requests and fails every one with 503. */
export async function startTripwire(): Promise<Tripwire> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface AccessRow<TApi> {
  /** The procedure path, e.g. "helpdesk.searchTickets". */
  name: string;
  /** Roles that get through; every other role must get FORBIDDEN. */
  allowed: readonly UserRole[];
  call: (api: TApi) => Promise<unknown>;
  /** false when the BFF answers by itself (an allowed call then returns OK without a service hit). Default true. */
  reachesService?: boolean;
}

export interface AccessMatrixOptions<TServices, TApi> {
  title: string;
  /** The BFF's service clients, all pointed at the tripwire's URL. */
  services: (tripwireUrl: string) => TServices;
  /** A tRPC caller for `caller` (null: nobody signed in). */
  api: (caller: UserCaller | null, services: TServices) => TApi;
  rows: readonly AccessRow<TApi>[];
}

export interface AccessMatrixHandle<TApi> {
  /** The API as a user of `role` (with the tripwire services); for extra `it`s beside the matrix. */
  as: (role: UserRole, overrides?: Partial<UserCaller>) => TApi;
  /** The API with nobody signed in. */
  anonymous: () => TApi;
  /** Tripwire requests so far: compare before/after to prove a refusal called no service. */
  hits: () => number;
}

/** Registers the matrix's tests (call at the top level of a test file) and returns helpers for further tests in the same file. */
export function describeAccessMatrix<TServices, TApi>(options: AccessMatrixOptions<TServices, TApi>): AccessMatrixHandle<TApi> {
  let tripwire: Tripwire | undefined;
  let services: TServices | undefined;
  const ready = () => {
    if (!tripwire || services === undefined) throw new Error("access matrix: tripwire not started (call from a test)");
    return { tripwire, services };
  };
  const handle: AccessMatrixHandle<TApi> = {
    as: (role, overrides) => options.api(userCaller(role, overrides), ready().services),
    anonymous: () => options.api(null, ready().services),
    hits: () => ready().tripwire.hits(),
  };

  // File-level hooks (not inside the describe): the tripwire serves the whole test file, so further tests
  // beside the matrix can use the returned handle.
  beforeAll(async () => {
    tripwire = await startTripwire();
    services = options.services(tripwire.url);
  });
  afterAll(() => tripwire?.close());

  describe(options.title, () => {
    for (const row of options.rows) {
      for (const role of USER_ROLES) {
        const allowed = row.allowed.includes(role);
        const reachesService = row.reachesService ?? true;
        const outcome = !allowed ? "FORBIDDEN" : reachesService ? "reaches the service" : "OK";
        it(`${row.name} × ${role} → ${outcome}`, async () => {
          const before = handle.hits();
          const code = await codeOf(row.call(handle.as(role)));
          if (!allowed) {
            expect(code).toBe("FORBIDDEN");
            expect(handle.hits()).toBe(before);
          } else if (reachesService) {
            expect(code).toBe("INTERNAL_SERVER_ERROR");
            expect(handle.hits()).toBeGreaterThan(before);
          } else {
            expect(code).toBe("OK");
          }
        });
      }
      it(`${row.name} × nobody signed in → UNAUTHORIZED`, async () => {
        const before = handle.hits();
        await expect(codeOf(row.call(handle.anonymous()))).resolves.toBe("UNAUTHORIZED");
        expect(handle.hits()).toBe(before);
      });
    }
  });
  return handle;
}

export interface AccessCase<TApi> {
  /** What is being checked, e.g. "an expert opens a ticket assigned to someone else". */
  name: string;
  caller: UserCaller;
  call: (api: TApi) => Promise<unknown>;
  /** NOT_FOUND for someone else's ticket (existence must not leak), FORBIDDEN, OK, … */
  expected: CallOutcome;
}

/**
 * Ownership and other caller-specific cases against services that answer (real ones, in an integration test).
 * `api` is called inside each test, so it may depend on services started in the test file's `beforeAll`.
 */
export function describeAccessCases<TApi>(title: string, api: (caller: UserCaller) => TApi, cases: readonly AccessCase<TApi>[]): void {
  describe(title, () => {
    for (const row of cases) {
      it(`${row.name} → ${row.expected}`, async () => {
        await expect(codeOf(row.call(api(row.caller)))).resolves.toBe(row.expected);
      });
    }
  });
}
