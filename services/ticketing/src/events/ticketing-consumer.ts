/**
 * Ticketing's consumer group `ticketing`: keeps the expert and customer projections (handlers: a transaction
 * with an inbox row each) and triggers matching when there is something new to match (a ticket created,
 * requeued after a rejection or reopened; capacity freed; an expert profile changed). Ticket events are
 * signals (`@sysops/events` EventSignals): they only trigger a run, so they cost no transaction. A trigger
 * after a projection change fires once its transaction committed, so the run sees the new row.
 */
import type { Redis } from "ioredis";
import { startConsumer, type EventConsumer } from "@sysops/events/consumer";
import type { Logger } from "@sysops/logger";
import { DB_SCHEMA, type Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { upsertCustomerProjection } from "../customers/customer-projection.ts";
import { upsertExpertProjection } from "../experts/expert-projection.ts";
import type { TriggerKind } from "../matching/job.ts";

export const CONSUMER_GROUP = "ticketing";

/** Statuses after which matching may have new work: a pending ticket, or an expert with free capacity. */
const MATCHING_RELEVANT = new Set(["new", "resolved", "cancelled", "escalated"]);

export interface TicketingConsumerOptions {
  db: Db;
  redis: Redis;
  logger: Logger;
  /** `new-ticket` carries the id of the ticket filed. */
  onMatchingWork: (kind: TriggerKind, ticketId?: string) => void;
  stream?: string;
  claimIdleMs?: number;
  /** This process's name in the group; defaults to `ticketing-<pid>`. */
  consumerName?: string;
}

export function startTicketingConsumer(opts: TicketingConsumerOptions): EventConsumer {
  let matchingWork = false;
  const db = {
    async $transaction<R>(fn: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
      matchingWork = false;
      const result = await opts.db.$transaction(fn);
      if (matchingWork) opts.onMatchingWork("any");
      return result;
    },
  };
  return startConsumer({
    redis: opts.redis,
    group: CONSUMER_GROUP,
    consumer: opts.consumerName ?? `ticketing-${process.pid}`,
    db,
    schema: DB_SCHEMA,
    logger: opts.logger,
    ...(opts.stream ? { stream: opts.stream } : {}),
    ...(opts.claimIdleMs ? { claimIdleMs: opts.claimIdleMs } : {}),
    // Ticket events only start matching, which runs at most every 25 ms: reading what arrives within 10 ms
    // together wakes this process once instead of once per event (@sysops/events README, "Fewer wake-ups").
    lingerMs: 10,
    handlers: {
      "expert.profile_changed": async (event, tx) => {
        await upsertExpertProjection(tx, event);
        matchingWork = true;
      },
      "customer.profile_changed": (event, tx) => upsertCustomerProjection(tx, event),
    },
    // Matching triggers change nothing themselves: no transaction, no inbox row (a repeated trigger is harmless).
    signals: {
      "ticket.created": (event) => opts.onMatchingWork("new-ticket", event.payload.ticketId),
      "ticket.status_changed": (event) => {
        if (MATCHING_RELEVANT.has(event.payload.to)) opts.onMatchingWork("any");
      },
    },
  });
}
