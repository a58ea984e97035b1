/**
 * What the notification service's local sinks (NOTIFY_SINKS=local) received, and which messages it recorded
 * for a set of events: a test compares the two to prove every message was delivered exactly once.
 * The sinks are read through svc-notification's `sinks.list` with a signed `service` caller token, which
 * is why the restart suite is started with an internal secret the test knows.
 */
import { serviceUrl } from "@sysops/config/ports";
import { CALLER_HEADER, signCaller } from "@sysops/internal-auth";
import type pg from "pg";
import { suiteEnv } from "./suite-env.ts";

export interface Delivery {
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  body: string;
}

/** One delivery's identity: emails by recipient and subject, SMS by recipient and text (each names its ticket). */
export const deliveryKey = (d: Delivery) => `${d.channel} ${d.to} ${d.channel === "email" ? d.subject : d.body}`;

export async function sinkDeliveries(internalSecret: string): Promise<Delivery[]> {
  const token = await signCaller({ kind: "service", service: "e2e" }, internalSecret);
  const res = await fetch(`${serviceUrl(suiteEnv.portBase, "notification")}/sinks.list?input=${encodeURIComponent("{}")}`, {
    headers: { [CALLER_HEADER]: token },
  });
  if (!res.ok) throw new Error(`sinks.list answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: Delivery[] } }).result.data;
}

export interface RecordedMessage extends Delivery {
  status: string;
}

/** The messages svc-notification recorded for the given events (recipient as `to`, like a delivery). */
export async function recordedMessages(db: pg.Client, eventIds: string[]): Promise<RecordedMessage[]> {
  const { rows } = await db.query<RecordedMessage>(
    `SELECT channel::text AS channel, recipient AS "to", subject, body, status::text AS status
       FROM notification."Message" WHERE "eventId" = ANY($1::uuid[])`,
    [eventIds],
  );
  return rows;
}
