/** Input and output shapes of the matching planner (pure data; the matching job maps rows to these). */

export interface PlannerTicket {
  id: string;
  category: string;
  requiredLevel: number;
  lat: number;
  lon: number;
  rejectedBy: string[];
}

/** `weekday` is 0–6 with 0 = Sunday (as `Date#getDay`); `start`/`end` are "HH:MM" in the expert's `timeZone`. */
export interface WorkingWindow {
  weekday: number;
  start: string;
  end: string;
}

export interface PlannerExpert {
  id: string;
  skills: Record<string, number>;
  lat: number;
  lon: number;
  radiusKm: number;
  onDuty: boolean;
  timeZone: string;
  workingHours: WorkingWindow[];
  capacity: number;
  openAssignments: number;
}

export interface PlannedAssignment {
  ticketId: string;
  expertId: string;
  distanceKm: number;
  cost: number;
  arrivalWindowStart: Date;
  arrivalWindowEnd: Date;
}

/**
 * Why a ticket got (or did not get) its expert. `candidates` counts every expert considered, `eligible` those
 * that passed every hard rule. `excluded` maps rule → the first ids it excluded (capped, see
 * `EXPLANATION_LIST_CAP`) and `excludedCounts` the full counts. `costs` are the cheapest eligible experts'
 * costs (km, capped) and `chosen` the pair the optimizer picked (its cost includes the load term).
 */
export interface Explanation {
  candidates: number;
  eligible: number;
  excluded: Record<string, string[]>;
  excludedCounts: Record<string, number>;
  costs: { expertId: string; cost: number }[];
  chosen: { expertId: string; cost: number } | null;
}

export interface PlanResult {
  assignments: PlannedAssignment[];
  explanations: Record<string, Explanation>;
}
