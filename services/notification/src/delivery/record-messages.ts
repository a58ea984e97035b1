/**
 * Writes planned messages as `queued` rows, in the caller's transaction (the event consumer's). The
 * unique key (eventId, kind, recipient) skips a message this event already produced, so a redelivered
 * event never yields a second send. Returns the rows actually created (id and channel, for their send jobs).
 *
 * One statement for all of an event's messages (`INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING
 * RETURNING id`), written as SQL: this runs for every event on the hot path, and a raw statement skips
 * Prisma's query compiler.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client.ts";
import type { PlannedMessage } from "../messages/compose.ts";
import type { Providers } from "../providers/provider.ts";
import type { QueuedMessage } from "./send-queue.ts";

export type Tx = Prisma.TransactionClient;

export async function recordMessages(tx: Tx, eventId: string, planned: PlannedMessage[], providers: Providers): Promise<QueuedMessage[]> {
  if (planned.length === 0) return [];
  const rows = await tx.$queryRaw<QueuedMessage[]>`
    INSERT INTO "notification"."Message" (id, "eventId", kind, channel, provider, recipient, subject, body)
    SELECT m.id, ${eventId}::uuid, m.kind, m.channel::"notification"."Channel", m.provider, m.recipient, m.subject, m.body
      FROM unnest(${planned.map(() => randomUUID())}::uuid[], ${planned.map((m) => m.kind)}::text[], ${planned.map((m) => m.channel)}::text[],
                  ${planned.map((m) => providers[m.channel].name)}::text[], ${planned.map((m) => m.recipient)}::text[],
                  ${planned.map((m) => m.subject)}::text[], ${planned.map((m) => m.body)}::text[])
           AS m(id, kind, channel, provider, recipient, subject, body)
    ON CONFLICT ("eventId", kind, recipient) DO NOTHING
    RETURNING id, channel::text AS channel`;
  return rows;
}
