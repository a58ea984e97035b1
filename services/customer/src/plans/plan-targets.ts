/**
 * A support plan's SLA targets (minutes to assign, accept, resolve). Changing them changes what every new
 * ticket of the plan's customers snapshots, so the change and one `customer.profile_changed` per affected
 * customer commit together: ticketing's projection, which filing reads, follows within the relay's delay.
 */
import { z } from "zod";
import { notFound } from "@sysops/domain-errors";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { profileChangedRow, filingFactsSelect } from "../customers/profile-events.ts";
import type { Db } from "../db/client.ts";

const minutes = z.number("Give the target in whole minutes").int("Give the target in whole minutes").positive("A target must be at least 1 minute").max(60 * 24 * 60, "A target must be at most 60 days");

export const planTargetsInput = z
  .object({
    planId: z.uuid("Not a plan id"),
    assignTargetMinutes: minutes.optional(),
    acceptTargetMinutes: minutes.optional(),
    resolveTargetMinutes: minutes.optional(),
  })
  .refine((t) => t.assignTargetMinutes !== undefined || t.acceptTargetMinutes !== undefined || t.resolveTargetMinutes !== undefined, {
    message: "Change at least one target",
  });
export type PlanTargetsInput = z.infer<typeof planTargetsInput>;

const planSelect = { id: true, name: true, tier: true, assignTargetMinutes: true, acceptTargetMinutes: true, resolveTargetMinutes: true } as const;

export async function listPlans(db: Db) {
  return db.supportPlan.findMany({ select: planSelect, orderBy: { tier: "asc" } });
}

/** Sets the targets given; returns the plan and how many customers' profiles were announced. */
export async function setPlanTargets(db: Db, { planId, ...targets }: PlanTargetsInput, now: Date = new Date()) {
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.supportPlan.updateMany({ where: { id: planId }, data: targets });
    if (updated.count === 0) throw notFound("Plan", planId);
    const customers = await tx.customer.findMany({ where: { planId }, select: filingFactsSelect });
    await tx.outboxEvent.createMany({ data: customers.map((c) => profileChangedRow(c, now)) });
    const plan = await tx.supportPlan.findUniqueOrThrow({ where: { id: planId }, select: planSelect });
    return { plan, customersAnnounced: customers.length };
  });
  outboxCommitted();
  return result;
}
