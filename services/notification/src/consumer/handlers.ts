/**
 * Event handlers of the `notification` consumer group. Each runs inside the consumer's transaction (with
 * the inbox insert): it plans the messages, writes them as `queued` rows and hands their ids to
 * `enqueueAfterCommit` (their send jobs are added once the transaction commits; see after-commit.ts).
 */
import type { EventHandlers } from "@sysops/events/consumer";
import type { ContactDirectory } from "../contacts/contacts.ts";
import { assignmentContacts, upsertCustomerContact } from "../contacts/customer-contacts.ts";
import { recordMessages, type Tx } from "../delivery/record-messages.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Clock } from "@sysops/events/clock";
import { firstTryLease, type ClaimedMessage } from "../delivery/send-try.ts";
import { assignedMessages, customerCaresAbout, slaBreachedMessages, statusChangedMessages, surveyMessages, type PlannedMessage } from "../messages/compose.ts";
import type { Providers } from "../providers/provider.ts";

export interface HandlerDeps {
  contacts: ContactDirectory;
  providers: Providers;
  enqueueAfterCommit: (tx: Tx, messages: ClaimedMessage[]) => void;
  /** For the lease of the first tries claimed with the messages. */
  clock: Clock;
  /** The gateway origin customers use, for survey links. */
  publicOrigin: string;
}

/** The expert's phone as projected; throws (so the event is retried) until the profile arrived. Null: none given. */
function usablePhone(phone: string | undefined, expertId: string): string | null {
  if (phone === undefined) throw new Error(`no contact details for expert ${expertId} yet (expert.profile_changed not seen)`);
  return phone.trim() || null;
}

async function expertPhone(tx: Tx, expertId: string): Promise<string | null> {
  const [contact] = await tx.query<{ phone: string }>(Prisma.sql`SELECT phone FROM "notification"."ExpertContact" WHERE "expertId" = ${expertId}::uuid`);
  return usablePhone(contact?.phone, expertId);
}

export function notificationHandlers(deps: HandlerDeps): EventHandlers<Tx> {
  const deliver = async (tx: Tx, eventId: string, planned: PlannedMessage[]) => {
    deps.enqueueAfterCommit(tx, await recordMessages(tx, eventId, planned, deps.providers, firstTryLease(deps.clock)));
  };
  return {
    "expert.profile_changed": async ({ payload: p }, tx) => {
      await tx.query(Prisma.sql`
        INSERT INTO "notification"."ExpertContact" ("expertId", name, phone, "updatedAt") VALUES (${p.expertId}::uuid, ${p.name}, ${p.phone}, now() AT TIME ZONE 'UTC')
        ON CONFLICT ("expertId") DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, "updatedAt" = EXCLUDED."updatedAt"`);
    },
    "customer.profile_changed": (event, tx) => upsertCustomerContact(tx, event),
    "ticket.assigned": async (event, tx) => {
      const p = event.payload;
      const known = await assignmentContacts(tx, p.customerId, p.expertId);
      const phone = usablePhone(known.expertPhone, p.expertId);
      const customer = known.customer ?? (await deps.contacts.customer(p.customerId));
      await deliver(tx, event.id, assignedMessages(p, customer, phone));
    },
    "ticket.status_changed": async (event, tx) => {
      const p = event.payload;
      const customer = customerCaresAbout(p) ? await deps.contacts.customer(p.customerId) : null;
      const phone = p.to === "cancelled" && p.expertId ? await expertPhone(tx, p.expertId) : null;
      const managers = p.to === "escalated" ? await deps.contacts.managers() : [];
      await deliver(tx, event.id, statusChangedMessages(p, { customer, expertPhone: phone, managers }));
    },
    "survey.created": async (event, tx) => {
      const customer = await deps.contacts.customer(event.payload.customerId);
      await deliver(tx, event.id, surveyMessages(event.payload, customer, deps.publicOrigin));
    },
    "ticket.sla_breached": async (event, tx) => {
      await deliver(tx, event.id, slaBreachedMessages(event.payload, await deps.contacts.managers()));
    },
  };
}
