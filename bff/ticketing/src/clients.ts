/** The services bff-ticketing calls. Imported as types only: a BFF never bundles service code. */
import { createTRPCClient } from "@trpc/client";
import type { ServiceName } from "@sysops/config/ports";
import { CALLER_HEADER, signCaller } from "@sysops/internal-auth";
import { checkDependenciesReady } from "@sysops/trpc-server/bff";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import { serviceLink } from "@sysops/trpc-server/service-link";
import type { CustomerRouter } from "@sysops/svc-customer/api";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";
import type { EventStreamFeed } from "./live/event-stream-feed.ts";

export const NEEDED_SERVICES = ["customer", "ticketing"] as const satisfies readonly ServiceName[];
export type ServiceUrlOf = (name: (typeof NEEDED_SERVICES)[number]) => string;

/**
 * svc-customer called as bff-ticketing itself, not as the user: only for what the BFF has just checked the
 * user may see (an expert's customer contact, once the ticket is found to be theirs). Tokens live 2 min, so
 * one is signed per call.
 */
function customerAsBff(url: string, internalSecret: string) {
  return createTRPCClient<CustomerRouter>({
    links: [serviceLink<CustomerRouter>({ url, headers: async () => ({ [CALLER_HEADER]: await signCaller({ kind: "service", service: "bff-ticketing" }, internalSecret) }) })],
  });
}

export interface ServiceOptions {
  /** The process's reader of the Redis event stream (live/); without it `live.*` is unavailable. */
  changes?: EventStreamFeed | undefined;
  /** To call as bff-ticketing itself (`customerAsBff`); tests without it get a client that has no token. */
  internalSecret?: string | undefined;
}

export function createServices(urlOf: ServiceUrlOf, opts: ServiceOptions = {}) {
  return {
    customer: createServiceClient<CustomerRouter>(urlOf("customer")),
    ticketing: createServiceClient<TicketingRouter>(urlOf("ticketing")),
    customerAsBff: customerAsBff(urlOf("customer"), opts.internalSecret ?? ""),
    changes: opts.changes,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Readiness: every service this BFF calls answers its own `/readyz`. */
export const checkServicesReady = (urlOf: ServiceUrlOf) =>
  checkDependenciesReady(Object.fromEntries(NEEDED_SERVICES.map((name) => [name, urlOf(name)])));
