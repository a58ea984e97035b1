import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planAssignments, type PlannerExpert, type PlannerTicket } from "./index.ts";

/**
 * "Never the wrong expert": a seeded random simulation of 10 000 tickets over 300 experts, planned in batches as
 * the matching job runs them (every 20 minutes, unassigned tickets retried, open assignments carried over and
 * some finished between runs). Every assignment is re-checked against every hard rule by the independent
 * oracle below (its own distance formula and time-zone reading), and no expert ever goes past capacity.
 */
const TICKETS = 10_000;
const EXPERTS = 300;
const BATCH = 500;
const RUN_EVERY_MS = 20 * 60 * 1000;
const CATEGORIES = ["hardware", "software", "network", "printer"];
const ZONES = ["Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Auckland", "UTC", "Nowhere/Invalid"];
const CLOCK = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

const expertArb = fc.record({
  dLat: fc.double({ min: -1, max: 1, noNaN: true }), dLon: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  radiusKm: fc.double({ min: 5, max: 80, noNaN: true }), onDuty: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  timeZone: fc.constantFrom(...ZONES),
  workingHours: fc.oneof(
    { weight: 3, arbitrary: fc.constant([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "06:00", end: "22:00" }))) },
    { weight: 1, arbitrary: fc.array(fc.record({ weekday: fc.integer({ min: 0, max: 6 }), start: CLOCK, end: CLOCK }), { maxLength: 9 }) },
  ),
  skills: fc.dictionary(fc.constantFrom(...CATEGORIES, "constructor"), fc.integer({ min: 1, max: 5 }), { minKeys: 2, maxKeys: 5 }),
  capacity: fc.integer({ min: 0, max: 6 }), openAssignments: fc.integer({ min: 0, max: 2 }),
});
const ticketArb = fc.record({
  near: fc.integer({ min: 0, max: EXPERTS - 1 }), dLat: fc.double({ min: -0.5, max: 0.5, noNaN: true }), dLon: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  category: fc.constantFrom(...CATEGORIES), requiredLevel: fc.integer({ min: 1, max: 4 }),
  rejectedBy: fc.uniqueArray(fc.integer({ min: 0, max: EXPERTS - 1 }), { maxLength: 3 }),
});
const worldArb = fc.record({
  experts: fc.array(expertArb, { minLength: EXPERTS, maxLength: EXPERTS }),
  tickets: fc.array(ticketArb, { minLength: TICKETS, maxLength: TICKETS }),
  start: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }),
  finishPerRun: fc.integer({ min: 1, max: 2 }),
});

/** Independent oracle: spherical law of cosines, en-GB long weekday names. Returns the broken rule, if any. */
function brokenRule(ticket: PlannerTicket, expert: PlannerExpert, now: Date): string | null {
  if (!expert.onDuty) return "on_duty";
  const [day, time] = new Intl.DateTimeFormat("en-GB", { timeZone: expert.timeZone, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(now).split(" ");
  const weekday = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].indexOf(day!);
  const minutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  const t = minutes(time!);
  const inWindow = expert.workingHours.some(({ weekday: w, start, end }) => {
    const [s, e] = [minutes(start), minutes(end)];
    return s < e ? w === weekday && t >= s && t < e : s > e && ((w === weekday && t >= s) || ((w + 1) % 7 === weekday && t < e));
  });
  if (!inWindow) return "working_hours";
  if (expert.openAssignments >= expert.capacity) return "capacity";
  if (!Object.keys(expert.skills).includes(ticket.category) || expert.skills[ticket.category]! < ticket.requiredLevel) return "skill";
  if (ticket.rejectedBy.includes(expert.id)) return "rejected";
  const rad = Math.PI / 180;
  const cosine = Math.sin(ticket.lat * rad) * Math.sin(expert.lat * rad) + Math.cos(ticket.lat * rad) * Math.cos(expert.lat * rad) * Math.cos((ticket.lon - expert.lon) * rad);
  if (6371.0088 * Math.acos(Math.min(1, cosine)) > expert.radiusKm + 0.001) return "radius";
  return null;
}

describe("matching simulation", () => {
  it("never assigns the wrong expert nor overloads one: 10 000 tickets, 300 experts, batched runs", () => {
    let checked = 0;
    fc.assert(
      fc.property(worldArb, ({ experts: raw, tickets: rawTickets, start, finishPerRun }) => {
        const byId = new Map<string, PlannerExpert>();
        const experts: PlannerExpert[] = raw.map((e, i) => ({ id: `e${i}`, lat: 51 + e.dLat, lon: 10 + e.dLon, ...e }));
        for (const e of experts) byId.set(e.id, e);
        const tickets: PlannerTicket[] = rawTickets.map((t, i) => ({
          id: `t${i}`, category: t.category, requiredLevel: t.requiredLevel, rejectedBy: t.rejectedBy.map((e) => `e${e}`),
          lat: experts[t.near]!.lat + t.dLat, lon: experts[t.near]!.lon + t.dLon,
        }));
        let pending: PlannerTicket[] = [];
        for (let run = 0; run * BATCH < TICKETS; run++) {
          const now = new Date(start.getTime() + run * RUN_EVERY_MS);
          // Unassigned tickets are retried for two more runs, then leave (the job escalates them).
          pending = [...pending.filter((p) => Number(p.id.slice(1)) >= (run - 2) * BATCH), ...tickets.slice(run * BATCH, (run + 1) * BATCH)];
          const pendingById = new Map(pending.map((p) => [p.id, p]));
          const { assignments, explanations } = planAssignments(pending, experts, now);
          const newLoad = new Map<string, number>();
          for (const a of assignments) {
            const t = pendingById.get(a.ticketId)!;
            const e = byId.get(a.expertId)!;
            expect(brokenRule(t, e, now), `${a.ticketId} → ${a.expertId} at ${now.toISOString()}`).toBeNull();
            expect(explanations[a.ticketId]!.chosen?.expertId).toBe(a.expertId);
            newLoad.set(e.id, (newLoad.get(e.id) ?? 0) + 1);
            checked++;
          }
          expect(new Set(assignments.map((a) => a.ticketId)).size).toBe(assignments.length);
          for (const e of experts) {
            const added = newLoad.get(e.id) ?? 0;
            if (added > 0) expect(e.openAssignments + added).toBeLessThanOrEqual(e.capacity);
            // Carry the load over; between runs each busy expert finishes up to `finishPerRun` jobs.
            e.openAssignments += added - Math.min(finishPerRun, e.openAssignments);
          }
          const assigned = new Set(assignments.map((a) => a.ticketId));
          pending = pending.filter((p) => !assigned.has(p.id));
        }
      }),
      { seed: 20261125, numRuns: 2, endOnFailure: true },
    );
    console.log(`simulation: ${checked} assignments checked against every hard rule`);
    expect(checked).toBeGreaterThan(3000);
  }, 120_000); // ~10 s alone; generous for a loaded CI machine
});
