/**
 * The gateway's client for the identity service. The gateway acts as itself (a `service` caller) when it
 * checks a password: there is no signed-in user yet.
 */
import type { TRPCClient } from "@trpc/client";
import { signCaller } from "@sysops/internal-auth";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import type { IdentityRouter } from "@sysops/svc-identity/api";

export type IdentityClient = TRPCClient<IdentityRouter>;

export function createIdentityClient(url: string, secret: string): IdentityClient {
  return createServiceClient<IdentityRouter>(url, () => signCaller({ kind: "service", service: "gateway" }, secret));
}
