/**
 * Cost model. A pair costs its distance plus a load term; the k-th new assignment (k = 0, 1, …) given to an
 * expert in one run costs LOAD_KM × (openAssignments + k) on top of the distance.
 *
 * Why: each job already queued pushes the next one later in the expert's day and concentrates risk on one
 * person, so an idle expert a little further away should win over a busy one next door. The term grows with
 * every extra job (marginal costs 0, 1, 2, … × LOAD_KM): that convexity spreads work, and it is what makes the
 * capacity-slot model exact — an optimum always fills an expert's cheaper slots first. LOAD_KM = 5 means one
 * queued job is worth a 5 km detour.
 *
 * Costs are solved in integer metres so the optimizer compares exactly (no float ties or drift); the
 * rounding is ≤ 0.5 m per pair.
 */
export const LOAD_KM = 5;
const LOAD_M = LOAD_KM * 1000;

export function toMetres(km: number): number {
  return Math.round(km * 1000);
}

/** Cost in metres of giving an expert with `openAssignments` its k-th (0-based) new ticket `distanceM` away. */
export function slotCostMetres(distanceM: number, openAssignments: number, k: number): number {
  return distanceM + LOAD_M * (openAssignments + k);
}

/**
 * Arrival window promised to the customer: travel time at TRAVEL_SPEED_KMH from `now`, rounded up to the next
 * half hour, then a WINDOW_HOURS window. Rounding up keeps the promise human-readable ("between 14:30 and 16:30")
 * and never earlier than the expert can physically arrive; the 2 hours absorb traffic and finishing the job in
 * hand. Half hours are aligned in UTC, which is a local half hour everywhere except 15/45-minute-offset zones.
 */
export const TRAVEL_SPEED_KMH = 40;
export const WINDOW_HOURS = 2;
const HALF_HOUR_MS = 30 * 60 * 1000;

export function arrivalWindow(now: Date, distanceKm: number): { start: Date; end: Date } {
  const earliest = now.getTime() + (distanceKm / TRAVEL_SPEED_KMH) * 3600 * 1000;
  const start = Math.ceil(earliest / HALF_HOUR_MS) * HALF_HOUR_MS;
  return { start: new Date(start), end: new Date(start + WINDOW_HOURS * 3600 * 1000) };
}
