/**
 * Hosts one tRPC router over Node's http server, the same way for every BFF and service:
 * `/healthz` (alive), `/readyz` (dependencies answer), a request id per request (taken from
 * `x-request-id` or made here) in the logs and in outgoing calls, and a drain on SIGTERM/SIGINT.
 * @see https://trpc.io/docs/server/adapters/standalone
 */
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import type { AnyRouter, inferRouterContext, TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { CALLER_HEADER } from "@sysops/internal-auth";
import type { Logger } from "@sysops/logger";
import { REQUEST_ID_HEADER, requestContext } from "@sysops/logger/request-context";
import { createDirectCalls } from "./direct-calls.ts";

export interface ContextRequest {
  req: IncomingMessage;
  requestId: string;
  callerToken: string | undefined;
}

export interface TrpcServerOptions<TRouter extends AnyRouter> {
  name: string;
  port: number;
  host?: string;
  router: TRouter;
  logger: Logger;
  createContext: (request: ContextRequest) => Promise<inferRouterContext<TRouter>>;
  /** Throws when a dependency (database, Redis, downstream service) does not answer. */
  checkReady?: () => Promise<void>;
  /** Releases resources after the last in-flight request finished. */
  onClose?: () => Promise<void>;
  drainTimeoutMs?: number;
  /** Single queries and mutations without tRPC's Fetch adapter (direct-calls.ts); default true. Tests compare both. */
  directCalls?: boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function startTrpcServer<TRouter extends AnyRouter>(opts: TrpcServerOptions<TRouter>): Promise<RunningServer> {
  const { logger } = opts;
  let draining = false;

  const createContext = (req: IncomingMessage) => {
    const store = requestContext.getStore();
    return opts.createContext({ req, requestId: store?.requestId ?? randomUUID(), callerToken: store?.callerToken });
  };
  const onError = ({ error, path }: { error: TRPCError; path: string | undefined }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "procedure failed");
    else logger.info({ code: error.code, path, message: error.message }, "procedure refused");
  };
  const trpcHandler = createHTTPHandler({ router: opts.router, createContext: ({ req }) => createContext(req), onError });
  const directCall = opts.directCalls === false ? () => false : createDirectCalls({ router: opts.router, createContext, onError });

  const server = http.createServer((req, res) => {
    const requestId = headerValue(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    const callerToken = headerValue(req.headers[CALLER_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    res.on("finish", () => {
      if (req.url === "/healthz" || req.url === "/readyz") return;
      requestContext.run({ requestId }, () =>
        logger.info({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, "request"),
      );
    });

    if (req.url === "/healthz") return sendJson(res, 200, { status: "ok", service: opts.name });
    if (req.url === "/readyz") {
      if (draining) return sendJson(res, 503, { status: "draining" });
      void (opts.checkReady?.() ?? Promise.resolve()).then(
        () => sendJson(res, 200, { status: "ready", service: opts.name }),
        (err: Error) => sendJson(res, 503, { status: "not ready", reason: err.message }),
      );
      return;
    }
    requestContext.run({ requestId, callerToken }, () => directCall(req, res) || trpcHandler(req, res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const url = `http://${opts.host ?? "127.0.0.1"}:${opts.port}`;
  logger.info({ url }, `${opts.name} listening`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      draining = true;
      const timer = setTimeout(() => server.closeAllConnections(), opts.drainTimeoutMs ?? 10_000);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(timer);
      await opts.onClose?.();
      logger.info(`${opts.name} stopped`);
    })());

  return { url, close };
}

/** Drains the server on SIGTERM/SIGINT, then exits. */
export function exitOnSignals(server: RunningServer, logger: Logger): void {
  const stop = (signal: string) => {
    logger.info({ signal }, "draining");
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
