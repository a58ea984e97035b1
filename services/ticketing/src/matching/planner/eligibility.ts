import { isWithinWorkingHours, localTime } from "./local-time.ts";
import type { PlannerExpert, PlannerTicket } from "./types.ts";

/**
 * The hard rules, in the order they are checked; an excluded expert is reported under the first rule it fails.
 * The first three depend only on the expert (checked once per run), the last three on the pair. This module is
 * the only implementation of the rules; it is shaped for speed (a run screens ~10⁶ pairs) via per-run tables.
 */
export const RULES = ["on_duty", "working_hours", "capacity", "skill", "rejected", "radius"] as const;
export type RuleName = (typeof RULES)[number];
const SKILL = 3;
const REJECTED = 4;
const RADIUS = 5;

/** The expert-level rule the expert fails at `now`, or null when it is available. */
export function expertFailure(expert: PlannerExpert, now: Date): RuleName | null {
  if (!expert.onDuty) return "on_duty";
  const local = localTime(now, expert.timeZone);
  if (!local || !isWithinWorkingHours(expert.workingHours, local)) return "working_hours";
  if (!(expert.openAssignments < expert.capacity)) return "capacity";
  return null;
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Per-run view of the experts: who is available at `now`, their coordinates in radians, skill levels by category. */
export interface ExpertTable {
  experts: readonly PlannerExpert[];
  /** Rule index (into RULES) each expert fails at expert level, or -1 when available. */
  expertRule: Int8Array;
  available: Int32Array;
  latRad: Float64Array;
  lonRad: Float64Array;
  cosLat: Float64Array;
  levels: Map<string, Float64Array>;
}

export function prepareExperts(experts: readonly PlannerExpert[], now: Date): ExpertTable {
  const expertRule = Int8Array.from(experts, (expert) => {
    const rule = expertFailure(expert, now);
    return rule ? RULES.indexOf(rule) : -1;
  });
  const available = Int32Array.from(experts.keys()).filter((e) => expertRule[e] === -1);
  const latRad = Float64Array.from(experts, (expert) => expert.lat * RAD);
  return {
    experts, expertRule, available, latRad,
    lonRad: Float64Array.from(experts, (expert) => expert.lon * RAD),
    cosLat: latRad.map(Math.cos),
    levels: new Map(),
  };
}

/** Each expert's level in `category` (-∞ when absent; own properties only, so "constructor" is no skill). */
function levelsFor(table: ExpertTable, category: string): Float64Array {
  let levels = table.levels.get(category);
  if (!levels) {
    levels = Float64Array.from(table.experts, ({ skills }) => (Object.hasOwn(skills, category) ? Number(skills[category]) : -Infinity));
    table.levels.set(category, levels);
  }
  return levels;
}

/** Receives the outcome of every available expert for one ticket. */
export interface ScreenSink {
  excluded(ruleIndex: number, expert: number): void;
  eligible(expert: number, distanceKm: number): void;
}

/** Applies the pair rules (skill, rejected, radius) between a ticket and every available expert. */
export function screenTicket(ticket: PlannerTicket, table: ExpertTable, sink: ScreenSink): void {
  const levels = levelsFor(table, ticket.category);
  const rejected = ticket.rejectedBy.length > 0 ? new Set(ticket.rejectedBy) : null;
  const lat = ticket.lat * RAD;
  const lon = ticket.lon * RAD;
  const cosLat = Math.cos(lat);
  const { available, experts } = table;
  for (let i = 0; i < available.length; i++) {
    const e = available[i]!;
    if (!(levels[e]! >= ticket.requiredLevel)) {
      sink.excluded(SKILL, e);
      continue;
    }
    const expert = experts[e]!;
    if (rejected?.has(expert.id)) {
      sink.excluded(REJECTED, e);
      continue;
    }
    const dLat = table.latRad[e]! - lat;
    // Great-circle distance ≥ R·|Δlat|: most far pairs are ruled out without the trigonometry (with a µm of slack).
    if (Math.abs(dLat) * EARTH_RADIUS_KM > expert.radiusKm + 1e-9) {
      sink.excluded(RADIUS, e);
      continue;
    }
    const dLon = table.lonRad[e]! - lon;
    const a = Math.sin(dLat / 2) ** 2 + cosLat * table.cosLat[e]! * Math.sin(dLon / 2) ** 2;
    const distanceKm = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    if (distanceKm <= expert.radiusKm) sink.eligible(e, distanceKm);
    else sink.excluded(RADIUS, e);
  }
}

/** Every rule for one pair (the same code path as a run): the first failing rule, or the distance when eligible. */
export function checkEligibility(ticket: PlannerTicket, expert: PlannerExpert, now: Date): { rule: RuleName } | { rule: null; distanceKm: number } {
  const table = prepareExperts([expert], now);
  const expertRule = table.expertRule[0]!;
  if (expertRule >= 0) return { rule: RULES[expertRule]! };
  let result: { rule: RuleName } | { rule: null; distanceKm: number } = { rule: "radius" };
  screenTicket(ticket, table, {
    excluded: (ruleIndex) => (result = { rule: RULES[ruleIndex]! }),
    eligible: (_, distanceKm) => (result = { rule: null, distanceKm }),
  });
  return result;
}
