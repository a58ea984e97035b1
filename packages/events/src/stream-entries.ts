/** Shapes of ioredis stream replies (ioredis types them loosely) and helpers to read them. */
export type StreamEntry = [id: string, fields: string[]];
export type ReadGroupReply = [stream: string, entries: StreamEntry[]][] | null;
/** XAUTOCLAIM (Redis ≥ 7): next cursor, claimed entries, ids of entries deleted meanwhile. */
export type AutoClaimReply = [cursor: string, entries: (StreamEntry | null)[], deleted?: string[]];
/** XPENDING stream group start end count: id, owner, idle ms, delivery count. */
export type PendingReply = [id: string, consumer: string, idleMs: number, deliveries: number][];

export function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
