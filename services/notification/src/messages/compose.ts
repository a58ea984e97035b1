/**
 * What each event says to whom: pure functions from an event payload and the resolved contacts to the
 * messages to send. `kind` is part of a message's idempotency key (eventId, kind, recipient).
 */
import type { EventOfType, EventType } from "@sysops/events/catalog";
import type { Channel } from "../providers/provider.ts";
import type { Contact } from "../contacts/contacts.ts";

export interface PlannedMessage {
  kind: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
}

type Payload<T extends EventType> = EventOfType<T>["payload"];

const email = (kind: string, to: Contact, subject: string, lines: string[]): PlannedMessage => ({
  kind,
  channel: "email",
  recipient: to.email,
  subject,
  body: [`Hello ${to.name},`, "", ...lines, "", "— Sysops Squad"].join("\n"),
});

const sms = (kind: string, phone: string, body: string): PlannedMessage => ({ kind, channel: "sms", recipient: phone, subject: null, body });

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;

/** "Wed 25 Nov 2026, 10:00–12:00 UTC" (customers' time zones are not known to the suite yet; no ICU). */
export function formatWindow(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  return `${WEEKDAYS[start.getUTCDay()]} ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}, ${hhmm(start)}–${hhmm(end)} UTC`;
}

export function assignedMessages(p: Payload<"ticket.assigned">, customer: Contact, expertPhone: string | null): PlannedMessage[] {
  const window = formatWindow(p.arrivalWindowStart, p.arrivalWindowEnd);
  const messages = [
    email("customer.expert_assigned", customer, `Ticket #${p.number}: ${p.expertFirstName} is your expert`, [
      `${p.expertFirstName} will handle ticket #${p.number}.`,
      `Expected arrival: ${window}.`,
    ]),
  ];
  if (expertPhone) messages.push(sms("expert.new_assignment", expertPhone, `New assignment: ticket #${p.number}, arrive ${window}. Open the Sysops app to accept.`));
  return messages;
}

/** The status changes a customer hears about, and how they are worded. */
const CUSTOMER_STATUS_TEXT: Record<string, string | undefined> = {
  accepted: "Your expert accepted the ticket.",
  in_progress: "Your expert started working on it.",
  resolved: "It is resolved. If something is still wrong, you can reopen it within 7 days.",
  closed: "It is closed. Thank you for using Sysops Squad.",
  cancelled: "It was cancelled.",
};

export function customerCaresAbout(p: Pick<Payload<"ticket.status_changed">, "from" | "to">): boolean {
  return CUSTOMER_STATUS_TEXT[p.to] !== undefined || (p.to === "new" && p.from === "resolved");
}

export interface StatusContacts {
  customer: Contact | null;
  expertPhone: string | null;
  managers: Contact[];
}

export function statusChangedMessages(p: Payload<"ticket.status_changed">, contacts: StatusContacts): PlannedMessage[] {
  const messages: PlannedMessage[] = [];
  const reason = p.reason ? [`Reason: ${p.reason}`] : [];
  if (contacts.customer && customerCaresAbout(p)) {
    const reopened = p.to === "new";
    const text = reopened ? "It is reopened; we are finding an expert." : CUSTOMER_STATUS_TEXT[p.to]!;
    const label = reopened ? "reopened" : p.to.replace("_", " ");
    messages.push(email(`customer.status.${reopened ? "reopened" : p.to}`, contacts.customer, `Ticket #${p.number} is ${label}`, [`Ticket #${p.number}: ${text}`, ...reason]));
  }
  if (p.to === "cancelled" && p.expertId && contacts.expertPhone) {
    messages.push(sms("expert.assignment_cancelled", contacts.expertPhone, `Assignment cancelled: ticket #${p.number}. No visit needed.`));
  }
  if (p.to === "escalated") {
    for (const manager of contacts.managers) {
      messages.push(email("manager.escalated", manager, `Ticket #${p.number} escalated`, [`Ticket #${p.number} was escalated from ${p.from} by ${p.actorRole} (${p.channel}).`, ...reason]));
    }
  }
  return messages;
}

export function surveyMessages(p: Payload<"survey.created">, customer: Contact, publicOrigin: string): PlannedMessage[] {
  const link = new URL(`/survey/${encodeURIComponent(p.token)}`, publicOrigin).toString();
  return [
    email("customer.survey", customer, "How did we do?", [
      "Your ticket is resolved. Please rate the service (1–5) and tell us what we could do better:",
      link,
      `The link works once, until ${new Date(p.expiresAt).toUTCString()}.`,
    ]),
  ];
}

export function slaBreachedMessages(p: Payload<"ticket.sla_breached">, managers: Contact[]): PlannedMessage[] {
  return managers.map((manager) =>
    email(`manager.sla_breached.${p.target}`, manager, `SLA breached: ticket #${p.number} (${p.target})`, [
      `Ticket #${p.number} missed its time-to-${p.target} target, due ${new Date(p.dueAt).toUTCString()}.`,
    ]),
  );
}
