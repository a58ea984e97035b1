/**
 * Writes planned messages as `queued` rows, in the caller's transaction (the event consumer's). The
 * unique key (eventId, kind, recipient) skips a message this event already produced, so a redelivered
 * event never yields a second send. Returns the ids of the rows actually created.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { PlannedMessage } from "../messages/compose.ts";
import type { Providers } from "../providers/provider.ts";

export type Tx = Prisma.TransactionClient;

export async function recordMessages(tx: Tx, eventId: string, planned: PlannedMessage[], providers: Providers): Promise<string[]> {
  if (planned.length === 0) return [];
  const rows = await tx.message.createManyAndReturn({
    data: planned.map((m) => ({ eventId, kind: m.kind, channel: m.channel, provider: providers[m.channel].name, recipient: m.recipient, subject: m.subject, body: m.body })),
    skipDuplicates: true,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
