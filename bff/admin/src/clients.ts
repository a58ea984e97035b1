/** The service bff-admin calls. Imported as a type only: a BFF never bundles service code. */
import type { ServiceName } from "@sysops/config/ports";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import type { IdentityRouter } from "@sysops/svc-identity/api";

export const NEEDED_SERVICES = ["identity"] as const satisfies readonly ServiceName[];
export type ServiceUrlOf = (name: (typeof NEEDED_SERVICES)[number]) => string;

export function createServices(urlOf: ServiceUrlOf) {
  return { identity: createServiceClient<IdentityRouter>(urlOf("identity")) };
}

export type Services = ReturnType<typeof createServices>;

/** Readiness: every service this BFF calls answers its own `/readyz`. */
export async function checkServicesReady(urlOf: ServiceUrlOf): Promise<void> {
  const results = await Promise.all(
    NEEDED_SERVICES.map(async (name) => {
      const ok = await fetch(`${urlOf(name)}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (res) => res.ok,
        () => false,
      );
      return ok ? null : name;
    }),
  );
  const down = results.filter((name) => name !== null);
  if (down.length > 0) throw new Error(`not ready: ${down.join(", ")}`);
}
