import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slotCostMetres, toMetres } from "./cost.ts";
import { checkEligibility } from "./eligibility.ts";
import { planGreedy } from "./greedy.ts";
import { planAssignments, type PlannerExpert, type PlannerTicket } from "./index.ts";
import { BERLIN, NOW, WEEKDAYS_9_TO_17 } from "./test-fixtures.ts";

const offset = fc.double({ min: -0.25, max: 0.25, noNaN: true }); // ±0.25° ≈ ±28 km lat, ±17 km lon

const expertsArb = (count: { min: number; max: number }, capacity: { min: number; max: number }): fc.Arbitrary<PlannerExpert[]> =>
  fc.array(
    fc.record({
      dLat: offset, dLon: offset, radiusKm: fc.integer({ min: 10, max: 60 }),
      hardware: fc.integer({ min: 0, max: 5 }), network: fc.integer({ min: 0, max: 5 }),
      capacity: fc.integer(capacity), openAssignments: fc.integer({ min: 0, max: 1 }), offDuty: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: count.min, maxLength: count.max },
  ).map((rows) =>
    rows.map((r, i) => ({
      id: `e${i}`, skills: { hardware: r.hardware, network: r.network }, lat: BERLIN.lat + r.dLat, lon: BERLIN.lon + r.dLon,
      radiusKm: r.radiusKm, onDuty: r.offDuty > 0, // one in ten off duty
      timeZone: "Europe/Berlin", workingHours: WEEKDAYS_9_TO_17,
      capacity: r.capacity, openAssignments: Math.min(r.openAssignments, r.capacity),
    })),
  );

const ticketsArb = (count: { min: number; max: number }, expertCount: number): fc.Arbitrary<PlannerTicket[]> =>
  fc.array(
    fc.record({
      dLat: offset, dLon: offset, category: fc.constantFrom("hardware", "network"), requiredLevel: fc.integer({ min: 1, max: 4 }),
      rejectedBy: fc.uniqueArray(fc.integer({ min: 0, max: expertCount - 1 }), { maxLength: 2 }),
    }),
    { minLength: count.min, maxLength: count.max },
  ).map((rows) =>
    rows.map((r, i) => ({
      id: `t${i}`, category: r.category, requiredLevel: r.requiredLevel, lat: BERLIN.lat + r.dLat, lon: BERLIN.lon + r.dLon,
      rejectedBy: r.rejectedBy.map((e) => `e${e}`),
    })),
  );

/** Best (most tickets, then least cost in metres) over every capacity-respecting choice, by exhaustive search. */
function bruteForce(tickets: PlannerTicket[], experts: PlannerExpert[]): { count: number; cost: number } {
  const options = tickets.map((t) =>
    experts.flatMap((e, index) => {
      const check = checkEligibility(t, e, NOW);
      return check.rule === null ? [{ index, distanceM: toMetres(check.distanceKm) }] : [];
    }),
  );
  const used = experts.map(() => 0);
  let best = { count: 0, cost: 0 };
  const visit = (row: number, count: number, cost: number): void => {
    if (row === tickets.length) {
      if (count > best.count || (count === best.count && cost < best.cost)) best = { count, cost };
      return;
    }
    visit(row + 1, count, cost);
    for (const { index, distanceM } of options[row]!) {
      const e = experts[index]!;
      if (e.openAssignments + used[index]! >= e.capacity) continue;
      const slotCost = slotCostMetres(distanceM, e.openAssignments, used[index]!++);
      visit(row + 1, count + 1, cost + slotCost);
      used[index]!--;
    }
  };
  visit(0, 0, 0);
  return best;
}

const totalMetres = (costs: number[]): number => costs.reduce((sum, cost) => sum + Math.round(cost * 1000), 0);

describe("optimality", () => {
  it("equals the brute-force optimum at maximum cardinality on small instances (≤ 7 tickets × ≤ 5 experts)", () => {
    const instance = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.tuple(expertsArb({ min: n, max: n }, { min: 1, max: 2 }), ticketsArb({ min: 1, max: 7 }, n)),
    );
    fc.assert(
      fc.property(instance, ([experts, tickets]) => {
        const { assignments } = planAssignments(tickets, experts, NOW);
        const best = bruteForce(tickets, experts);
        expect(assignments.length).toBe(best.count);
        expect(totalMetres(assignments.map((a) => a.cost))).toBe(best.cost);
      }),
      { seed: 3, numRuns: 600 },
    );
  });

  it("is never worse than greedy nearest-available on large instances, and says by how much it is better", () => {
    const gains: string[] = [];
    const instance = fc.tuple(expertsArb({ min: 60, max: 60 }, { min: 1, max: 4 }), ticketsArb({ min: 300, max: 300 }, 60));
    fc.assert(
      fc.property(instance, ([experts, tickets]) => {
        const { assignments } = planAssignments(tickets, experts, NOW);
        const greedy = planGreedy(tickets, experts, NOW);
        const cost = totalMetres(assignments.map((a) => a.cost)) / 1000;
        expect(assignments.length).toBeGreaterThanOrEqual(greedy.pairs.length);
        if (assignments.length === greedy.pairs.length) expect(cost).toBeLessThanOrEqual(greedy.totalCost + 1e-9);
        gains.push(
          assignments.length > greedy.pairs.length
            ? `+${assignments.length - greedy.pairs.length} tickets`
            : `${(greedy.totalCost - cost).toFixed(1)} km-equiv (${((100 * (greedy.totalCost - cost)) / (greedy.totalCost || 1)).toFixed(1)} %) cheaper`,
        );
      }),
      { seed: 7, numRuns: 20, endOnFailure: true }, // shrinking 300-ticket instances takes minutes
    );
    console.log(`planner vs greedy nearest-available on 20 instances of 300 tickets × 60 experts:\n  ${gains.join("\n  ")}`);
  }, 60_000);
});
