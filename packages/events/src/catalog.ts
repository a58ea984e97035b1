/**
 * Every event the suite publishes, with its v1 payload schema (issue 3 contract). A new payload shape is a
 * new version beside the old one, never an edit of a published one.
 */
import { z } from "zod";
import { defineEvent, envelopeSchema, eventKey, type EventDefinition, type EventEnvelope } from "./define-event.ts";

export { defineEvent, eventKey, type EventDefinition, type EventEnvelope } from "./define-event.ts";

const uuid = z.uuid();
const isoTime = z.iso.datetime({ offset: true });
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const skillLevel = z.number().int().min(1).max(5);
const ticketRef = { ticketId: uuid, number: z.number().int().positive(), customerId: uuid };

export const ticketCreated = defineEvent(
  "ticket.created",
  1,
  z.object({
    ...ticketRef,
    productCategory: z.string().min(1),
    requiredSkillLevel: skillLevel,
    serviceLat: lat,
    serviceLon: lon,
    planTier: z.string().min(1),
    channel: z.string().min(1),
    createdAt: isoTime,
  }),
);

export const ticketStatusChanged = defineEvent(
  "ticket.status_changed",
  1,
  z.object({
    ...ticketRef,
    from: z.string().min(1),
    to: z.string().min(1),
    actorId: z.string().min(1),
    actorRole: z.string().min(1),
    channel: z.enum(["web", "phone", "system"]),
    reason: z.string().optional(),
    expertId: uuid.optional(),
    at: isoTime,
  }),
);

export const ticketAssigned = defineEvent(
  "ticket.assigned",
  1,
  z.object({
    ...ticketRef,
    expertId: uuid,
    expertFirstName: z.string().min(1),
    arrivalWindowStart: isoTime,
    arrivalWindowEnd: isoTime,
    costKm: z.number().nonnegative(),
    explanationId: z.string().min(1),
  }),
);

const slaPayload = z.object({ ...ticketRef, target: z.enum(["assign", "accept", "resolve"]), dueAt: isoTime });
export const ticketSlaWarning = defineEvent("ticket.sla_warning", 1, slaPayload);
export const ticketSlaBreached = defineEvent("ticket.sla_breached", 1, slaPayload);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");
export const expertProfileChanged = defineEvent(
  "expert.profile_changed",
  1,
  z.object({
    expertId: uuid,
    name: z.string().min(1),
    phone: z.string(),
    skills: z.array(z.object({ category: z.string().min(1), level: skillLevel })),
    homeLat: lat,
    homeLon: lon,
    radiusKm: z.number().nonnegative(),
    onDuty: z.boolean(),
    capacity: z.number().int().nonnegative(),
    timeZone: z.string().min(1),
    workingHours: z.array(z.object({ weekday: z.number().int().min(0).max(6), start: hhmm, end: hhmm })),
  }),
);

/**
 * A customer's filing facts changed (or were first published): what a new ticket snapshots. Customer owns
 * them; ticketing keeps a projection so filing needs no call to the customer service. `changedAt` orders
 * redelivered or backfilled events: a projection keeps the newest.
 * `email` was added to v1 in place rather than as a v2: the event is internal (only the suite's own
 * consumers read it, all built from this catalog), and the field is optional, so v1 events published
 * before it (in a stream or an outbox) still parse. The customer service always sends it; notification
 * projects name + email (CustomerContact) so a customer e-mail needs no call to the customer service,
 * and asks that service for a customer whose event lacked it.
 */
export const customerProfileChanged = defineEvent(
  "customer.profile_changed",
  1,
  z.object({
    customerId: uuid,
    name: z.string().min(1),
    email: z.string().min(1).optional(),
    addressLat: lat,
    addressLon: lon,
    plan: z.object({
      name: z.string().min(1),
      tier: z.number().int(),
      requiredSkillLevel: skillLevel,
      assignTargetMinutes: z.number().int().positive(),
      acceptTargetMinutes: z.number().int().positive(),
      resolveTargetMinutes: z.number().int().positive(),
    }),
    products: z.array(z.object({ id: uuid, name: z.string().min(1), category: z.string().min(1) })),
    changedAt: isoTime,
  }),
);

export const surveyCreated = defineEvent(
  "survey.created",
  1,
  z.object({ surveyId: uuid, ticketId: uuid, customerId: uuid, token: z.string().min(1), expiresAt: isoTime }),
);

export const surveySubmitted = defineEvent(
  "survey.submitted",
  1,
  z.object({
    surveyId: uuid,
    ticketId: uuid,
    customerId: uuid,
    expertId: uuid.optional(),
    rating: z.number().int().min(1).max(5),
    comment: z.string(),
  }),
);

export const catalog = [
  ticketCreated,
  ticketStatusChanged,
  ticketAssigned,
  ticketSlaWarning,
  ticketSlaBreached,
  expertProfileChanged,
  customerProfileChanged,
  surveyCreated,
  surveySubmitted,
] as const;

export type CatalogDefinition = (typeof catalog)[number];
export type EventType = CatalogDefinition["type"];
/** Any event of the catalog, discriminated by `type` (and `version` once a type has several). */
export type AnyEvent = EnvelopeOf<CatalogDefinition>;
type EnvelopeOf<D> = D extends EventDefinition ? EventEnvelope<D> : never;
export type EventOfType<T extends EventType> = Extract<AnyEvent, { type: T }>;

const byKey = new Map<string, EventDefinition>(catalog.map((d) => [eventKey(d.type, d.version), d]));

export type ParseResult = { ok: true; event: AnyEvent } | { ok: false; reason: string };

/** Validates a decoded message against the envelope and the catalog; never throws. */
export function parseEvent(value: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${z.prettifyError(envelope.error)}` };
  const { type, version } = envelope.data;
  const definition = byKey.get(eventKey(type, version));
  if (!definition) return { ok: false, reason: `unknown event ${eventKey(type, version)}` };
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: `invalid ${eventKey(type, version)} payload: ${z.prettifyError(payload.error)}` };
  return { ok: true, event: { ...envelope.data, payload: payload.data } as AnyEvent };
}

/** Decodes the JSON text of a stream entry, then validates it (`parseEvent`). */
export function decodeEvent(json: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, reason: `malformed JSON: ${(error as Error).message}` };
  }
  return parseEvent(value);
}
