/**
 * Fires many `customer.fileTicket` calls (each with its own idempotency key) through the gateway with a fixed number in flight, spread over several
 * signed-in customers, and records what each caller was told. `onSent(n)` runs after the n-th call is sent.
 */
import type { APIRequestContext } from "@playwright/test";
import { fileTicketInput, filingOptions, type FiledTicket, type FilingOptions } from "./file-ticket.ts";
import { trpcBody, trpcMutation } from "./session.ts";

export interface Filer {
  request: APIRequestContext;
  options: FilingOptions;
}

export interface BurstResult {
  sent: number;
  /** Ticket ids returned with a 2xx, one per successful call. */
  createdIds: string[];
  /** When each 2xx arrived (ms since the epoch), in the order of `createdIds`. */
  createdAt: number[];
  /** Non-2xx answers and transport errors, by status (or error name). */
  failures: Map<string, number>;
  /** When each failure arrived (ms since the epoch). */
  failedAt: number[];
}

export async function asFiler(request: APIRequestContext): Promise<Filer> {
  return { request, options: await filingOptions(request) };
}

export interface BurstOptions {
  total: number;
  inFlight: number;
  tag: string;
  onSent: (n: number) => void;
  /** Awaited by each caller before its next call: lets a test slow the burst down (e.g. while a server is down). */
  beforeSend?: () => Promise<void>;
  /** Runs as each answer arrives: `true` for a 2xx with a ticket id. */
  onAnswer?: (ok: boolean) => void;
}

export async function fireBurst(filers: Filer[], opts: BurstOptions): Promise<BurstResult> {
  const result: BurstResult = { sent: 0, createdIds: [], createdAt: [], failures: new Map(), failedAt: [] };
  const fail = (key: string) => {
    result.failures.set(key, (result.failures.get(key) ?? 0) + 1);
    result.failedAt.push(Date.now());
    opts.onAnswer?.(false);
  };

  async function one(n: number) {
    const filer = filers[n % filers.length]!;
    const call = trpcMutation(filer.request, "ticketing", "customer.fileTicket", fileTicketInput(filer.options, { description: `No lost ticket ${n} (${opts.tag})` }));
    result.sent++;
    opts.onSent(result.sent);
    try {
      const res = await call;
      if (!res.ok()) return fail(String(res.status()));
      const id = (await trpcBody<FiledTicket>(res)).result?.data.id;
      if (id) {
        result.createdIds.push(id);
        result.createdAt.push(Date.now());
        opts.onAnswer?.(true);
      } else fail("2xx without an id");
    } catch (error) {
      fail(error instanceof Error ? error.name : "error");
    }
  }

  let next = 0;
  const worker = async () => {
    while (next < opts.total) {
      await opts.beforeSend?.();
      if (next < opts.total) await one(next++);
    }
  };
  await Promise.all(Array.from({ length: opts.inFlight }, worker));
  return result;
}
