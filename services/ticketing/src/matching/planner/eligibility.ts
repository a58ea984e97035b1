import { haversineKm } from "./geo.ts";
import { isWithinWorkingHours, localTime } from "./local-time.ts";
import type { PlannerExpert, PlannerTicket } from "./types.ts";

/**
 * The hard rules, in the order they are checked; an excluded expert is reported under the first rule it fails.
 * The first three depend only on the expert (checked once per run), the last three on the pair.
 */
export const RULES = ["on_duty", "working_hours", "capacity", "skill", "rejected", "radius"] as const;
export type RuleName = (typeof RULES)[number];

/** The expert-level rule the expert fails at `now`, or null when it is available. */
export function expertFailure(expert: PlannerExpert, now: Date): RuleName | null {
  if (!expert.onDuty) return "on_duty";
  const local = localTime(now, expert.timeZone);
  if (!local || !isWithinWorkingHours(expert.workingHours, local)) return "working_hours";
  if (!(expert.openAssignments < expert.capacity)) return "capacity";
  return null;
}

export type PairCheck = { rule: RuleName; distanceKm?: undefined } | { rule: null; distanceKm: number };

/** The pair rules (skill, rejected, radius), cheapest first; returns the distance when all pass. */
export function pairFailure(ticket: PlannerTicket, expert: PlannerExpert): PairCheck {
  const level = Object.hasOwn(expert.skills, ticket.category) ? expert.skills[ticket.category] : undefined;
  if (level === undefined || !(level >= ticket.requiredLevel)) return { rule: "skill" };
  if (ticket.rejectedBy.includes(expert.id)) return { rule: "rejected" };
  const distanceKm = haversineKm(ticket.lat, ticket.lon, expert.lat, expert.lon);
  if (!(distanceKm <= expert.radiusKm)) return { rule: "radius" };
  return { rule: null, distanceKm };
}

/** Every rule for one pair: the first failing rule, or the distance when the expert is eligible. */
export function checkEligibility(ticket: PlannerTicket, expert: PlannerExpert, now: Date): PairCheck {
  const rule = expertFailure(expert, now);
  return rule ? { rule } : pairFailure(ticket, expert);
}
