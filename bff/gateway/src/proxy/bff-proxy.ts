/**
 * `/api/<domain>/*` → bff-<domain>, prefix stripped, streamed both ways (so SSE works). Only for a signed-in
 * user: the browser's cookie and any `x-sysops-caller` it sent are dropped, and the gateway adds a caller
 * token it signed for the session's user, plus the request id.
 * @see https://github.com/fastify/fastify-http-proxy#options
 */
import httpProxy from "@fastify/http-proxy";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { BffDomain } from "@sysops/config/ports";
import { CALLER_HEADER, signCaller } from "@sysops/internal-auth";
import { REQUEST_ID_HEADER } from "@sysops/logger/request-context";
import { SESSION_COOKIE } from "../session/session-cookie.ts";
import type { SessionStore } from "../session/session-store.ts";

export interface BffProxyOptions {
  domains: readonly BffDomain[];
  bffUrlOf: (domain: BffDomain) => string;
  sessions: SessionStore;
  secret: string;
}

export async function bffProxy(app: FastifyInstance, opts: BffProxyOptions): Promise<void> {
  const signIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = await opts.sessions.touch(request.cookies[SESSION_COOKIE]);
    if (!user) return reply.code(401).send({ error: "Not signed in" });
    request.sessionUser = user;
    request.callerToken = await signCaller(
      { kind: "user", userId: user.id, role: user.role, name: user.name, ...(user.customerId ? { customerId: user.customerId } : {}) },
      opts.secret,
    );
  };

  // `bffProxy` is registered as a plugin, so this hook covers the proxied routes only.
  app.addHook("preHandler", signIn);

  for (const domain of opts.domains) {
    await app.register(httpProxy, {
      upstream: opts.bffUrlOf(domain),
      prefix: `/api/${domain}`,
      rewritePrefix: "",
      // The gateway writes one access line per request (app.ts); reply-from's own two per proxied call go.
      disableRequestLogging: true,
      replyOptions: {
        rewriteRequestHeaders: (request, headers) => {
          const { cookie: _cookie, [CALLER_HEADER]: _forged, ...rest } = headers;
          return { ...rest, [CALLER_HEADER]: request.callerToken, [REQUEST_ID_HEADER]: request.id };
        },
      },
    });
  }
}
