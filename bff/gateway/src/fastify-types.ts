import type { SessionUser } from "./session/session-store.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the proxy's session check for `/api/*` requests. */
    sessionUser: SessionUser | null;
    /** The caller token the proxy forwards to the BFF for this request. */
    callerToken: string | undefined;
  }
}
