/** The service bff-customer calls. Imported as a type only: a BFF never bundles service code. */
import type { ServiceName } from "@sysops/config/ports";
import { checkDependenciesReady } from "@sysops/trpc-server/bff";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import type { CustomerRouter } from "@sysops/svc-customer/api";

export const NEEDED_SERVICES = ["customer"] as const satisfies readonly ServiceName[];
export type ServiceUrlOf = (name: (typeof NEEDED_SERVICES)[number]) => string;

export function createServices(urlOf: ServiceUrlOf) {
  return { customer: createServiceClient<CustomerRouter>(urlOf("customer")) };
}

export type Services = ReturnType<typeof createServices>;

/** Readiness: every service this BFF calls answers its own `/readyz`. */
export const checkServicesReady = (urlOf: ServiceUrlOf) =>
  checkDependenciesReady(Object.fromEntries(NEEDED_SERVICES.map((name) => [name, urlOf(name)])));
