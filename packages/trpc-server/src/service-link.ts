/**
 * The transport under every service client: tRPC's `httpLink` wire format — a query is `GET <url>/<path>?input=`
 * (JSON, URI-encoded), a mutation `POST <url>/<path>` with a JSON body, and the JSON answer becomes the result
 * or a `TRPCClientError` (`TRPCClientError.from`, as httpLink does) — on undici's `request` over one keep-alive
 * pool per process. Decision: tRPC's own link calls the global `fetch` (a web stream per body, a Request and a
 * Response per call) and makes two AbortControllers per call; in profiles of the ticket-creation path that
 * machinery was ≈ 15 % of a BFF's CPU, and the AbortControllers another ≈ 5 %. A link is tRPC's extension
 * point for transports, so the typed client, errors and wire format stay tRPC's. Batching (`httpBatchLink`)
 * is not used: a batch could mix calls of two requests under one caller's token. Cancelling a call aborts
 * the request only when the caller passed a signal (no procedure of ours does).
 * @see https://trpc.io/docs/client/links#creating-a-custom-link
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
import { TRPCClientError, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import { transformResult } from "@trpc/server/unstable-core-do-not-import";
import { Agent, request } from "undici";

/** One pool per process; up to 64 sockets per origin, idle ones closed after 10 s. */
const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

/** No data transformer is configured on our routers: JSON in, JSON out. */
const IDENTITY = { serialize: (value: unknown) => value, deserialize: (value: unknown) => value };

export interface ServiceLinkOptions {
  url: string;
  headers: () => Promise<Record<string, string>> | Record<string, string>;
}

export function serviceLink<TRouter extends AnyRouter>(opts: ServiceLinkOptions): TRPCLink<TRouter> {
  const base = opts.url.replace(/\/$/, "");
  return () =>
    ({ op }) =>
      observable((observer) => {
        const { path, input, type } = op;
        if (type === "subscription") throw new Error("Subscriptions are not served by the service link");
        const query = type === "query";
        const url = query && input !== undefined ? `${base}/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `${base}/${path}`;
        const send = async (): Promise<unknown> => {
          const headers = await opts.headers();
          const res = await request(url, {
            dispatcher,
            method: query ? "GET" : "POST",
            headers: query ? headers : { ...headers, "content-type": "application/json" },
            body: query || input === undefined ? null : JSON.stringify(input),
            signal: op.signal ?? null,
          });
          return res.body.json();
        };
        send().then(
          (json) => {
            const transformed = transformResult(json as never, IDENTITY);
            if (!transformed.ok) {
              observer.error(TRPCClientError.from(transformed.error));
              return;
            }
            observer.next({ result: transformed.result });
            observer.complete();
          },
          (cause: unknown) => observer.error(TRPCClientError.from(cause instanceof Error ? cause : new Error(String(cause)))),
        );
      });
}
