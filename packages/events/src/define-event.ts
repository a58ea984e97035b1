/**
 * A versioned event definition: its type name, version and the zod schema of its payload. The envelope
 * around every payload is the same for all events.
 */
import { z } from "zod";

export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateType: z.string().min(1),
  aggregateId: z.string().min(1),
  payload: z.unknown(),
});

export type RawEnvelope = z.infer<typeof envelopeSchema>;

export interface EventDefinition<T extends string = string, V extends number = number, P extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly version: V;
  readonly payload: P;
}

/** An event as it travels: the envelope with the payload typed by its definition. */
export type EventEnvelope<D extends EventDefinition> = Omit<RawEnvelope, "type" | "version" | "payload"> & {
  type: D["type"];
  version: D["version"];
  payload: z.output<D["payload"]>;
};

export function defineEvent<T extends string, V extends number, P extends z.ZodType>(
  type: T,
  version: V,
  payload: P,
): EventDefinition<T, V, P> {
  return { type, version, payload };
}

/** Registry key of a definition: one entry per (type, version). */
export function eventKey(type: string, version: number): string {
  return `${type}@v${version}`;
}
