/**
 * The transport under every service client: undici's `request` over a keep-alive pool instead of the global
 * `fetch`. tRPC only reads `ok` and `json()` from a response, and WHATWG fetch pays for what it does not use
 * (a web stream per body, an AbortController per call): profiles of the ticket-creation path showed fetch's
 * machinery as the largest single cost in the BFF (≈ 15 % of its CPU). Decision: keep tRPC's `httpLink` and
 * swap only the fetch it calls, so errors, aborts and the wire format stay tRPC's own.
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
import { Agent, request } from "undici";

/** One pool per process; up to 64 sockets per origin, idle ones closed after 10 s. */
const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

interface FetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
  signal?: AbortSignal | null;
}

export interface ServiceResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

export async function serviceFetch(url: string | URL, init: FetchInit = {}): Promise<ServiceResponse> {
  const res = await request(url, {
    dispatcher,
    method: (init.method ?? "GET") as "GET",
    headers: init.headers as Record<string, string> | undefined,
    body: init.body as string | undefined,
    signal: init.signal ?? undefined,
  });
  return {
    ok: res.statusCode >= 200 && res.statusCode < 300,
    status: res.statusCode,
    json: () => res.body.json(),
  };
}
