/**
 * Ticketing's local copy of expert profiles, kept from `expert.profile_changed` events (identity owns the
 * profiles; matching reads only this table, never identity's schema).
 */
import type { EventOfType } from "@sysops/events/catalog";
import type { Prisma } from "../generated/prisma/client.ts";

type ProfileChanged = EventOfType<"expert.profile_changed">;

/** "Ada Lovelace" → "Ada": what the customer is told ("Ada is on the way"). */
export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export async function upsertExpertProjection(tx: Prisma.TransactionClient, event: ProfileChanged): Promise<void> {
  const p = event.payload;
  const data = {
    name: p.name,
    firstName: firstNameOf(p.name),
    phone: p.phone,
    skills: p.skills,
    homeLat: p.homeLat,
    homeLon: p.homeLon,
    radiusKm: p.radiusKm,
    onDuty: p.onDuty,
    capacity: p.capacity,
    timeZone: p.timeZone,
    workingHours: p.workingHours,
  };
  await tx.expertProjection.upsert({ where: { expertId: p.expertId }, create: { expertId: p.expertId, ...data }, update: data });
}
