/** The services bff-ticketing calls. Imported as types only: a BFF never bundles service code. */
import type { ServiceName } from "@sysops/config/ports";
import { checkDependenciesReady } from "@sysops/trpc-server/bff";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import type { CustomerRouter } from "@sysops/svc-customer/api";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";
import type { EventStreamFeed } from "./live/event-stream-feed.ts";

export const NEEDED_SERVICES = ["customer", "ticketing"] as const satisfies readonly ServiceName[];
export type ServiceUrlOf = (name: (typeof NEEDED_SERVICES)[number]) => string;

/** `changes`: the process's reader of the Redis event stream (live/); without it `live.*` is unavailable. */
export function createServices(urlOf: ServiceUrlOf, changes?: EventStreamFeed) {
  return {
    customer: createServiceClient<CustomerRouter>(urlOf("customer")),
    ticketing: createServiceClient<TicketingRouter>(urlOf("ticketing")),
    changes,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Readiness: every service this BFF calls answers its own `/readyz`. */
export const checkServicesReady = (urlOf: ServiceUrlOf) =>
  checkDependenciesReady(Object.fromEntries(NEEDED_SERVICES.map((name) => [name, urlOf(name)])));
