/** Maps ticketing rows to the planner's input shapes (pure). */
import type { PlannerExpert, PlannerTicket, WorkingWindow } from "./planner/index.ts";

export interface PendingTicketRow {
  id: string;
  productCategory: string;
  requiredSkillLevel: number;
  serviceLat: number;
  serviceLon: number;
}

export interface ExpertRow {
  expertId: string;
  skills: unknown;
  homeLat: number;
  homeLon: number;
  radiusKm: number;
  onDuty: boolean;
  capacity: number;
  timeZone: string;
  workingHours: unknown;
}

export const toPlannerTicket = (t: PendingTicketRow, rejectedBy: string[]): PlannerTicket => ({
  id: t.id,
  category: t.productCategory,
  requiredLevel: t.requiredSkillLevel,
  lat: t.serviceLat,
  lon: t.serviceLon,
  rejectedBy,
});

/** Projection JSON was validated by the event schema when written; the shapes are read back as stored. */
export function toPlannerExpert(e: ExpertRow, openAssignments: number): PlannerExpert {
  const skills = Object.fromEntries((e.skills as { category: string; level: number }[]).map((s) => [s.category, s.level]));
  return {
    id: e.expertId,
    skills,
    lat: e.homeLat,
    lon: e.homeLon,
    radiusKm: e.radiusKm,
    onDuty: e.onDuty,
    timeZone: e.timeZone,
    workingHours: e.workingHours as WorkingWindow[],
    capacity: e.capacity,
    openAssignments,
  };
}
