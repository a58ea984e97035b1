import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveAssignment, type Solution, type SparseInstance } from "./assignment-solver.ts";
import { solveMaxCardinalityMinCost } from "./exact-assignment.ts";

/** Random sparse instances with scarce capacity, so the contested part is usually non-empty. */
const instanceArb: fc.Arbitrary<SparseInstance> = fc
  .record({ groups: fc.integer({ min: 1, max: 40 }), rows: fc.integer({ min: 1, max: 150 }) })
  .chain(({ groups, rows }) =>
    fc.record({
      sizes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: groups, maxLength: groups }),
      bases: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: groups, maxLength: groups }),
      edges: fc.array(fc.uniqueArray(fc.record({ g: fc.integer({ min: 0, max: groups - 1 }), cost: fc.integer({ min: 0, max: 50_000 }) }), { selector: (e) => e.g, maxLength: 6 }), { minLength: rows, maxLength: rows }),
    }),
  )
  .map(({ sizes, bases, edges }) => ({
    rows: edges.length,
    groupSize: Int32Array.from(sizes),
    groupBase: Float64Array.from(bases, (b) => b * 5000),
    step: 5000,
    rowStart: Int32Array.from([0, ...edges.map((_, r) => edges.slice(0, r + 1).reduce((n, list) => n + list.length, 0))]),
    edgeGroup: Int32Array.from(edges.flat().map((e) => e.g)),
    edgeCost: Float64Array.from(edges.flat().map((e) => e.cost)),
  }));

function score(instance: SparseInstance, solution: Solution): { count: number; cost: number } {
  let count = 0;
  let cost = 0;
  const load = new Int32Array(instance.groupSize.length);
  const slots = new Set<string>();
  for (let r = 0; r < instance.rows; r++) {
    const g = solution.group[r]!;
    if (g < 0) continue;
    let edge = -1;
    for (let e = instance.rowStart[r]!; e < instance.rowStart[r + 1]!; e++) if (instance.edgeGroup[e] === g) edge = e;
    expect(edge, `row ${r} got a group it has no edge to`).toBeGreaterThanOrEqual(0);
    load[g]!++;
    expect(solution.slot[r]).toBeLessThan(instance.groupSize[g]!);
    expect(slots.has(`${g}:${solution.slot[r]}`), `slot ${g}:${solution.slot[r]} used twice`).toBe(false);
    slots.add(`${g}:${solution.slot[r]}`);
    count++;
    cost += instance.edgeCost[edge]! + instance.groupBase[g]! + instance.step * solution.slot[r]!;
  }
  load.forEach((n, g) => expect(n).toBeLessThanOrEqual(instance.groupSize[g]!));
  return { count, cost };
}

describe("split solver", () => {
  it("matches the unsplit exact solver (one search per row, unassigned columns) on random sparse instances", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        expect(score(instance, solveMaxCardinalityMinCost(instance))).toEqual(score(instance, solveAssignment(instance)));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
