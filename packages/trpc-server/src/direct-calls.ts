/**
 * The common tRPC call answered without tRPC's Fetch adapter. tRPC 11's Node adapter turns every request into
 * a WHATWG `Request` (Headers, an AbortController, a ReadableStream body) and every answer into a `Response`
 * piped through a WritableStream; in profiles of the ticket-creation path that machinery was about a fifth of
 * each BFF's and service's CPU per call, for a JSON object in and a JSON object out.
 *
 * A direct call is a single query (GET, `?input=` JSON) or mutation (POST, `application/json` body) on a path
 * the router has, not batched: what every service client (`httpLink`) sends. It runs the same procedure with
 * the same context, input, error formatter, `onError`, status code and body as tRPC's own handler would
 * (`direct-calls.test.ts` compares the two call by call). Everything else — batches (the browsers'
 * `httpBatchLink`), subscriptions, other content types, unknown paths or a method the procedure does not take —
 * is left to tRPC's handler, so its errors for those stay tRPC's.
 *
 * Not done here, since no procedure of ours needs it: a per-call AbortSignal (procedures get none), response
 * metadata (`responseMeta`), data transformers (none configured), and tRPC's check that a query does not
 * return a stream.
 * @see https://trpc.io/docs/server/adapters/standalone
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyProcedure, AnyRouter, inferRouterContext } from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import { getErrorShape, getTRPCErrorFromUnknown, transformTRPCResponse, TRPCError } from "@trpc/server/unstable-core-do-not-import";

export interface DirectCallOptions<TRouter extends AnyRouter> {
  router: TRouter;
  createContext: (req: IncomingMessage) => Promise<inferRouterContext<TRouter>>;
  onError: (opts: { error: TRPCError; path: string }) => void;
}

/** Answers `req` when it is a direct call (true), or leaves it untouched for tRPC's handler (false). */
export type DirectCallHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

type ErrorShapeOptions = Parameters<typeof getErrorShape>[0];

const METHOD_OF: Record<string, string | undefined> = { query: "GET", mutation: "POST" };
const RESPONSE_HEADERS = { "content-type": "application/json", vary: "trpc-accept, accept" };

const isJson = (contentType: string | undefined) => contentType?.split(";", 1)[0]!.trim().toLowerCase() === "application/json";

export function createDirectCalls<TRouter extends AnyRouter>(opts: DirectCallOptions<TRouter>): DirectCallHandler {
  const { router } = opts;
  const config = router._def._config as ErrorShapeOptions["config"];
  const procedures = router._def.procedures as Record<string, AnyProcedure | undefined>;

  function answer(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, RESPONSE_HEADERS);
    res.end(JSON.stringify(transformTRPCResponse(config, body as never)));
  }

  async function call(req: IncomingMessage, res: ServerResponse, path: string, procedure: AnyProcedure, readInput: () => Promise<unknown>): Promise<void> {
    const type = procedure._def.type;
    let ctx: unknown;
    let input: unknown;
    try {
      ctx = await opts.createContext(req);
      const data: unknown = await procedure({
        path,
        ctx,
        type,
        signal: undefined,
        batchIndex: 0,
        getRawInput: async () => (input = config.transformer.input.deserialize(await inputOrBadRequest(readInput)) as unknown),
      });
      answer(res, 200, { result: { data } });
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      opts.onError({ error, path });
      const shape = getErrorShape({ config, ctx, error, input, path, type }) as unknown;
      answer(res, getHTTPStatusCode({ error: shape } as Parameters<typeof getHTTPStatusCode>[0]), { error: shape });
    }
  }

  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = decodedPath(url.slice(1, query < 0 ? undefined : query));
    const procedure = path === null ? undefined : procedures[path];
    if (!procedure || path === null || METHOD_OF[procedure._def.type] !== req.method) return false;
    if (req.method === "GET") {
      const params = new URLSearchParams(query < 0 ? "" : url.slice(query + 1));
      if (params.has("batch")) return false;
      const raw = params.get("input");
      void call(req, res, path, procedure, () => Promise.resolve(raw ? (JSON.parse(raw) as unknown) : undefined));
      return true;
    }
    if (!isJson(req.headers["content-type"]) || url.includes("batch=")) return false;
    const body = readBody(req);
    // Read whether or not the procedure asks for its input (a procedure without one never does).
    body.catch(() => undefined);
    void call(req, res, path, procedure, async () => JSON.parse(await body) as unknown);
    return true;
  };
}

/** As tRPC's handler: input that cannot be read (not JSON) is a BAD_REQUEST with the parser's message. */
async function inputOrBadRequest(readInput: () => Promise<unknown>): Promise<unknown> {
  try {
    return await readInput();
  } catch (cause) {
    if (cause instanceof TRPCError) throw cause;
    throw new TRPCError({ code: "BAD_REQUEST", message: cause instanceof Error ? cause.message : "Invalid input", cause });
  }
}

/** The procedure path, or null when it is not valid percent-encoding (tRPC's handler then answers). */
function decodedPath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}
