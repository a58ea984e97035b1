/**
 * Group commit for filing tickets. Filings that arrive while earlier batches are being written wait and go
 * together: one query takes their filing facts and numbers, one statement writes them (insert-tickets.ts),
 * one commit makes them durable, and each caller gets its answer only after that commit. Nothing waits on a
 * timer: a filing that finds a free slot goes at once (after the current turn of the event loop, so filings
 * read from several sockets at once share a batch), and batches only grow when PostgreSQL is the queue anyway.
 * Decision: measured with pgbench on this project's 2-core machine (2026-12-04), the ticket statement cost
 * PostgreSQL ~4× less per ticket in batches of 16 than one by one (14 600 against 3 340 tickets/s).
 *
 * Batching never mixes outcomes: a product the customer does not own, or an idempotency key already used,
 * answers that filing alone. When PostgreSQL refuses the batch statement (any row of it), the batch is filed
 * again one ticket at a time, so only the offending filing fails. A lost connection fails the whole batch
 * (as it failed the one request before): the statement may have committed, and filing again could file twice.
 * @see https://github.com/graphql/dataloader#batch-scheduling
 */
import DataLoader from "dataloader";
import { isStatementError } from "@sysops/db/sql";
import { outboxCommitted } from "@sysops/events/relay-wake";
import type { UserCaller } from "@sysops/internal-auth";
import { requestContext, type RequestContext } from "@sysops/logger/request-context";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import { projectedFilings, type ProjectedFiling } from "../customers/customer-projection.ts";
import type { Db } from "../db/client.ts";
import { insertTickets } from "./insert-tickets.ts";
import type { CreateTicketInput } from "./ticket-input.ts";
import type { TicketView } from "./ticket-view.ts";

/** One filing: the caller (already allowed to file it), the input, when it was filed, and how to ask the customer service. */
export interface Filing {
  caller: UserCaller;
  input: CreateTicketInput;
  now: Date;
  customers: CustomerDirectory;
}

/** Tickets per statement at most. */
const MAX_BATCH = 64;
/**
 * Batches being written at once. Two: on 2 cores PostgreSQL runs about two statements at a time, and a filing
 * that arrives while one batch is being written starts at once instead of waiting for it.
 */
const MAX_BATCHES_IN_FLIGHT = 2;

/** The facts of a filing the projection lacks, from the customer service (rejects when it refuses the filing). */
export type FactsOf = (filing: Filing) => Promise<ProjectedFiling>;

/** Files ticket batches on one database; `askCustomerService` answers what the projection lacks. */
export function createFilingQueue(db: Db, askCustomerService: FactsOf, ticketForKey: (input: CreateTicketInput) => Promise<TicketView | null>) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  /** Each filing's ticket or its own error, in order; throws only when the whole batch failed. */
  async function fileTogether(filings: readonly Queued[]): Promise<(TicketView | Error)[]> {
    const projected = await projectedFilings(db, filings.map(({ filing }) => filing.input));
    const facts = await Promise.all(
      filings.map(async ({ filing, context }, i) =>
        projected[i] ?? inContext(context, () => askCustomerService(filing)).catch((error: unknown) => error as Error),
      ),
    );
    const writable = filings.flatMap(({ filing }, i) => {
      const found = facts[i]!;
      return found instanceof Error ? [] : [{ at: i, ticket: { caller: filing.caller, input: filing.input, filing: found, now: filing.now } }];
    });
    const inserted = writable.length > 0 ? await insertTickets(db, writable.map((w) => w.ticket)) : [];
    const events = inserted.flatMap((row) => (row ? [row.event] : []));
    if (events.length > 0) outboxCommitted(events);

    const answers: (TicketView | Error | null)[] = facts.map((found) => (found instanceof Error ? found : null));
    writable.forEach((w, k) => (answers[w.at] = inserted[k]?.view ?? null));
    // Null: the (customerId, idempotencyKey) unique index refused the row: a replay (double click, retried
    // request), or a concurrent create with the same key that won. Either way the customer gets the ticket that exists.
    return Promise.all(
      answers.map(async (answer, i) => {
        if (answer) return answer;
        const { input } = filings[i]!.filing;
        return (await ticketForKey(input)) ?? new Error(`ticket for idempotency key ${input.idempotencyKey} neither inserted nor found`);
      }),
    );
  }

  async function fileBatch(filings: readonly Queued[]): Promise<(TicketView | Error)[]> {
    try {
      return await fileTogether(filings);
    } catch (error) {
      if (filings.length === 1 || !isStatementError(error)) throw error;
      return Promise.all(filings.map((queued) => fileTogether([queued]).then(([answer]) => answer!, (alone: unknown) => alone as Error)));
    }
  }

  const loader = new DataLoader<Queued, TicketView>(
    async (filings) => {
      try {
        return await fileBatch(filings);
      } finally {
        inFlight -= 1;
        const next = waiting.shift();
        if (next) next();
      }
    },
    {
      cache: false,
      maxBatchSize: MAX_BATCH,
      // A slot is taken when the batch is scheduled, so batches filled up meanwhile wait for a slot too.
      batchScheduleFn: (dispatch) => {
        if (inFlight < MAX_BATCHES_IN_FLIGHT) {
          inFlight += 1;
          setImmediate(dispatch);
        } else {
          waiting.push(() => {
            inFlight += 1;
            dispatch();
          });
        }
      },
    },
  );

  /** The ticket filed, once it is committed (or the existing one, for an idempotency key already used). */
  return (filing: Filing): Promise<TicketView> => loader.load({ filing, context: requestContext.getStore() });
}

/** A filing and the request it came from: a batch runs in one request's context, the customer service is asked in each filing's own. */
interface Queued {
  filing: Filing;
  context: RequestContext | undefined;
}

const inContext = <R>(context: RequestContext | undefined, fn: () => R): R => (context ? requestContext.run(context, fn) : requestContext.exit(fn));
