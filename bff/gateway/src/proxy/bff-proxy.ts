/**
 * `/api/<domain>/*` → bff-<domain>, prefix stripped. Only for a signed-in user: the browser's cookie and any
 * `x-sysops-caller` it sent are dropped, and the gateway adds a caller token it signed for the session's user,
 * plus the request id. The request body is read whole (it is JSON, at most the gateway's body limit); the
 * answer is streamed back as it arrives, so the live feeds (server-sent events) stream through, and a browser
 * that goes away closes its upstream request (fastify destroys a streamed payload when the response closes).
 *
 * Decision: a route of our own on undici's `request` instead of @fastify/http-proxy. Measured on this
 * project's 2-core machine (2026-12-04), proxying one small JSON POST cost the gateway ≈ 220 µs of CPU
 * through @fastify/http-proxy (reply-from: a request stream piped into undici, its hooks and rewrites) and
 * ≈ 120 µs this way; every request of the portal pays it, and in ticket creation the gateway was the
 * busiest process of the suite. What it did that this does: prefix rewrite, hop-by-hop headers, streaming.
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 * @see https://fastify.dev/docs/latest/Reference/ContentTypeParser/#catch-all
 */
import type { IncomingHttpHeaders } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Agent, request as upstreamRequest } from "undici";
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

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), and what undici sets itself. */
const NOT_FORWARDED = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host", "content-length", "cookie", CALLER_HEADER]);
const NOT_RETURNED = new Set(["connection", "keep-alive", "transfer-encoding"]);

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Keep-alive sockets to the BFFs, shared by every proxied request; idle ones close after 10 s. */
const dispatcher = new Agent({ connections: 128, keepAliveTimeout: 10_000 });

function forwardedHeaders(request: FastifyRequest): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) if (!NOT_FORWARDED.has(name)) headers[name] = value;
  headers[CALLER_HEADER] = request.callerToken;
  headers[REQUEST_ID_HEADER] = request.id;
  return headers;
}

/** A fastify plugin (register it: its content-type parsers and hook are its own routes' only). */
export function bffProxy(app: FastifyInstance, opts: BffProxyOptions, done: (error?: Error) => void): void {
  const signIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = await opts.sessions.touch(request.cookies[SESSION_COOKIE]);
    if (!user) return reply.code(401).send({ error: "Not signed in" });
    request.sessionUser = user;
    request.callerToken = await signCaller(
      { kind: "user", userId: user.id, role: user.role, name: user.name, ...(user.customerId ? { customerId: user.customerId } : {}) },
      opts.secret,
    );
  };

  app.addHook("preHandler", signIn);
  // Bodies are forwarded as they came (this plugin's routes only): no JSON parse here, the BFF parses.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  for (const domain of opts.domains) {
    const upstream = opts.bffUrlOf(domain).replace(/\/$/, "");
    const prefix = `/api/${domain}`;
    app.route({
      method: [...METHODS],
      url: `${prefix}/*`,
      handler: async (request, reply) => {
        const answer = await upstreamRequest(`${upstream}${request.url.slice(prefix.length)}`, {
          dispatcher,
          method: request.method as (typeof METHODS)[number],
          headers: forwardedHeaders(request),
          body: (request.body as Buffer | undefined) ?? null,
        }).catch((error: unknown) => {
          request.log.warn({ err: error, domain }, "bff unreachable");
          return null;
        });
        if (!answer) return reply.code(502).send({ error: `The ${domain} service is unavailable right now. Try again in a moment.` });
        reply.code(answer.statusCode);
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !NOT_RETURNED.has(name)) void reply.header(name, value);
        return reply.send(answer.body);
      },
    });
  }
  done();
}
