/**
 * Builds the gateway, the suite's single origin: shell and micro-frontend files, session sign-in, and
 * `/api/<domain>/*` proxied to the BFFs. Every dependency comes in through `GatewayDeps`, so tests build
 * it against their own Redis prefix, ports and folders.
 */
import "./fastify-types.ts";
import fastifyCookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { BffDomain } from "@sysops/config/ports";
import type { Logger } from "@sysops/logger";
import { REQUEST_ID_HEADER } from "@sysops/logger/request-context";
import type { IdentityClient } from "./auth/identity-client.ts";
import type { LoginLimit } from "./auth/login-rate-limit.ts";
import { DEFAULT_LOGIN_LIMIT } from "./auth/login-rate-limit.ts";
import { authRoutes } from "./auth/routes.ts";
import { healthRoutes } from "./health/routes.ts";
import { bffProxy } from "./proxy/bff-proxy.ts";
import { requireSameOrigin } from "./proxy/same-origin.ts";
import { requestIdOf } from "./request-id.ts";
import { SessionStore } from "./session/session-store.ts";
import { mfeAssets } from "./static/mfe-assets.ts";
import { shellFiles } from "./static/shell.ts";

export interface GatewayDeps {
  logger: Logger;
  redis: Redis;
  /** HMAC secret for the caller tokens the gateway signs. */
  secret: string;
  identity: IdentityClient;
  /** Base URL of identity, for readiness. */
  identityUrl: string;
  domains: readonly BffDomain[];
  bffUrlOf: (domain: BffDomain) => string;
  shellDir: string;
  mfeDir: string;
  /** Redis key prefixes; tests pass their own so they never touch the suite's keys. */
  sessionPrefix?: string;
  rateLimitPrefix?: string;
  loginLimit?: LoginLimit;
}

export async function buildApp(deps: GatewayDeps): Promise<FastifyInstance> {
  // pino's Logger is a FastifyBaseLogger; widening it keeps the instance type the one plugins expect.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    genReqId: requestIdOf,
    // One access line per request (the onResponse hook below) instead of fastify's two: at 200 requests/s
    // the gateway's log lines per proxied call were a measurable share of its CPU. With a LogController,
    // fastify reads `disableRequestLogging` from the controller, not from its own options.
    logController: new LogController({ requestIdLogLabel: "requestId", disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });
  const sessions = new SessionStore(deps.redis, deps.sessionPrefix);

  // Request logs carry the id through fastify's child logger (label `requestId`, like our mixin); calls to
  // other processes carry it in a header (see auth/routes.ts and proxy/bff-proxy.ts); the response echoes it.
  app.addHook("onRequest", (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook("onRequest", requireSameOrigin);
  app.addHook("onResponse", (request, reply, done) => {
    if (request.url !== "/healthz" && request.url !== "/readyz") {
      request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request");
    }
    done();
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return reply.code(500).send({ error: "Something went wrong. Try again." });
    }
    return reply.code(status).send({ error: error.message });
  });

  await app.register(fastifyCookie);
  await app.register(rateLimit, { global: false, redis: deps.redis, nameSpace: deps.rateLimitPrefix ?? "sysops:rate-limit:", skipOnError: false });

  healthRoutes(app, {
    redis: deps.redis,
    upstreams: { identity: deps.identityUrl, ...Object.fromEntries(deps.domains.map((d) => [`bff-${d}`, deps.bffUrlOf(d)])) },
  });
  authRoutes(app, { sessions, identity: deps.identity, loginLimit: deps.loginLimit ?? DEFAULT_LOGIN_LIMIT });
  app.decorateRequest("sessionUser", null);
  app.decorateRequest("callerToken", undefined);
  await app.register(bffProxy, { domains: deps.domains, bffUrlOf: deps.bffUrlOf, sessions, secret: deps.secret });
  await mfeAssets(app, deps.mfeDir);
  await shellFiles(app, deps.shellDir);
  return app;
}
