/**
 * Writes planned messages as `queued` rows, in the caller's transaction (the event consumer's), with their
 * first try already claimed (`attempts` 1 under a lease, see send-try.ts): it runs right after the commit
 * without a statement of its own. The unique key (eventId, kind, recipient) skips a message this event already
 * produced, so a redelivered event never yields a second send. Returns the rows actually created, with what
 * their first try sends. A process that dies before that try leaves the message claimed: the periodic requeue
 * takes it once its lease passed (5 min).
 *
 * One statement for all of an event's messages (`INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING
 * RETURNING id`), written as SQL on the hot-path pool: this runs for every event.
 */
import { randomUUID } from "node:crypto";
import type { SqlQueryable } from "@sysops/db/sql";
import { Prisma } from "../generated/prisma/client.ts";
import type { PlannedMessage } from "../messages/compose.ts";
import type { Providers } from "../providers/provider.ts";
import type { ClaimedMessage } from "./send-try.ts";

/** The consumer's transaction: the hot-path SQL pool's (@sysops/db/sql), not Prisma's (see db/client.ts). */
export type Tx = SqlQueryable;

export async function recordMessages(tx: Tx, eventId: string, planned: PlannedMessage[], providers: Providers, leaseUntil: Date): Promise<ClaimedMessage[]> {
  if (planned.length === 0) return [];
  return tx.query<ClaimedMessage>(Prisma.sql`
    INSERT INTO "notification"."Message" (id, "eventId", kind, channel, provider, recipient, subject, body, attempts, "nextAttemptAt")
    SELECT m.id, ${eventId}::uuid, m.kind, m.channel::"notification"."Channel", m.provider, m.recipient, m.subject, m.body, 1, ${leaseUntil}
      FROM unnest(${planned.map(() => randomUUID())}::uuid[], ${planned.map((m) => m.kind)}::text[], ${planned.map((m) => m.channel)}::text[],
                  ${planned.map((m) => providers[m.channel].name)}::text[], ${planned.map((m) => m.recipient)}::text[],
                  ${planned.map((m) => m.subject)}::text[], ${planned.map((m) => m.body)}::text[])
           AS m(id, kind, channel, provider, recipient, subject, body)
    ON CONFLICT ("eventId", kind, recipient) DO NOTHING
    RETURNING id, attempts, channel::text AS channel, provider, kind, recipient, subject, body`);
}
