/** Test helpers for the SLA and survey integration tests: a ticket row in a chosen phase, and a shiftable clock. */
import { randomUUID } from "node:crypto";
import type { Clock } from "@sysops/events/clock";
import type { Db } from "../db/client.ts";
import type { TicketStatus } from "../generated/prisma/enums.ts";

/** Runs at real speed from a chosen instant; `jumpTo` moves it (timers use it to compute BullMQ delays). */
export function shiftedClock(start: Date): Clock & { jumpTo(at: Date): void } {
  let offset = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    jumpTo: (at) => {
      offset = at.getTime() - Date.now();
    },
  };
}

export const minutes = (n: number) => n * 60_000;
export const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

export async function insertTicket(db: Db, fields: { status: TicketStatus; createdAt: Date; assignDueAt?: Date | null; acceptDueAt?: Date | null; resolveDueAt?: Date | null; expertId?: string }) {
  return db.ticket.create({
    data: {
      customerId: randomUUID(),
      customerName: "Test Customer",
      productId: randomUUID(),
      productName: "ThinkPad X1",
      productCategory: "laptop",
      description: "Does not boot",
      serviceAddress: "1 Test St",
      channel: "web",
      requiredSkillLevel: 4,
      serviceLat: 41.88,
      serviceLon: -87.63,
      planTier: "3",
      assignTargetMinutes: 30,
      acceptTargetMinutes: 15,
      resolveTargetMinutes: 480,
      ...fields,
    },
  });
}
