/**
 * Test-only: the REAL customer and ticketing services in-process over HTTP on free ports, against one
 * migrated and seeded test database (see `createSeededTestDatabase`). Used by the integration tests of
 * bff-ticketing and the gateway's request path. The ticketing server module is reached by path until the
 * service exports it.
 */
import type { Logger } from "@sysops/logger";
import { startCustomerServer } from "@sysops/svc-customer/server";
import type { RunningServer } from "@sysops/trpc-server/server";
import { freePort, type Teardown } from "@sysops/trpc-server/testing";
import { startTicketingServer } from "../../../../services/ticketing/src/server.ts";
import type { ServiceUrlOf } from "../clients.ts";

export interface RealServices {
  customer: RunningServer;
  ticketing: RunningServer;
  /** For `createServices`. */
  urlOf: ServiceUrlOf;
}

export async function startRealServices(opts: { databaseUrl: string; internalSecret: string; logger: Logger; teardown: Teardown }): Promise<RealServices> {
  const { databaseUrl, internalSecret, logger, teardown } = opts;
  const customer = teardown.server(await startCustomerServer({ databaseUrl, port: await freePort(), internalSecret, logger }));
  const ticketing = teardown.server(
    await startTicketingServer({ databaseUrl, port: await freePort(), internalSecret, customerServiceUrl: customer.url, logger }),
  );
  return { customer, ticketing, urlOf: (name) => (name === "customer" ? customer.url : ticketing.url) };
}
