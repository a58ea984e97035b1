/** Builders for planner tests (no I/O). Berlin Alexanderplatz is the default spot; Wednesday 10:30 Berlin is "now". */
import type { PlannerExpert, PlannerTicket } from "./types.ts";

export const NOW = new Date("2026-11-25T09:30:00Z"); // Wednesday, 10:30 in Berlin (CET, UTC+1)
export const BERLIN = { lat: 52.5219, lon: 13.4132 };
export const WEEKDAYS_9_TO_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));

export function expert(overrides: Partial<PlannerExpert> = {}): PlannerExpert {
  return {
    id: "e1", skills: { hardware: 3 }, ...BERLIN, radiusKm: 50, onDuty: true, timeZone: "Europe/Berlin",
    workingHours: WEEKDAYS_9_TO_17, capacity: 3, openAssignments: 0, ...overrides,
  };
}

export function ticket(overrides: Partial<PlannerTicket> = {}): PlannerTicket {
  return { id: "t1", category: "hardware", requiredLevel: 2, ...BERLIN, rejectedBy: [], ...overrides };
}

/** Moves a point `km` north (1° of latitude ≈ 111.2 km). */
export function north(point: { lat: number; lon: number }, km: number): { lat: number; lon: number } {
  return { lat: point.lat + km / 111.195, lon: point.lon };
}
