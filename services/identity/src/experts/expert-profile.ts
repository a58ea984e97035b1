/**
 * An expert's full profile as one value: what `expert.profile_changed` carries, so consumers (ticketing's
 * matching projection, notification's contacts) can replace their copy without asking identity.
 */
import { expertProfileChanged } from "@sysops/events/catalog";
import { toOutboxRow } from "@sysops/events/outbox";
import type { z } from "zod";
import { notFound } from "@sysops/domain-errors";
import type { Prisma } from "../generated/prisma/client.ts";
import { workingHoursSchema } from "./profile-input.ts";

export type ExpertProfileSnapshot = z.input<typeof expertProfileChanged.payload>;

type Tx = Prisma.TransactionClient;

const snapshotSelect = {
  id: true,
  name: true,
  expertProfile: {
    select: {
      phone: true,
      homeLat: true,
      homeLon: true,
      radiusKm: true,
      onDuty: true,
      capacity: true,
      timeZone: true,
      workingHours: true,
      skills: { select: { category: true, level: true }, orderBy: { category: "asc" } },
    },
  },
} satisfies Prisma.UserSelect;

export async function loadProfileSnapshot(tx: Tx, expertId: string): Promise<ExpertProfileSnapshot> {
  const user = await tx.user.findFirst({ where: { id: expertId, role: "expert" }, select: snapshotSelect });
  const p = user?.expertProfile;
  if (!user || !p) throw notFound("Expert", expertId);
  const { workingHours, ...rest } = p;
  return { expertId: user.id, name: user.name, ...rest, workingHours: workingHoursSchema.parse(workingHours) };
}

/** Writes `expert.profile_changed` with the profile as it is now in `tx` (call after the change, same transaction). */
export async function recordProfileChanged(tx: Tx, expertId: string, occurredAt?: Date): Promise<ExpertProfileSnapshot> {
  const snapshot = await loadProfileSnapshot(tx, expertId);
  const row = toOutboxRow(expertProfileChanged, { aggregateType: "expert", aggregateId: expertId, payload: snapshot, occurredAt });
  await tx.outboxEvent.create({ data: row });
  return snapshot;
}
