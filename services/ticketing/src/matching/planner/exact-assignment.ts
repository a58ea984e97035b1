import { solveAssignment, type Solution, type SparseInstance } from "./assignment-solver.ts";
import { contestedSplit } from "./max-matching.ts";

/**
 * Min-cost maximum-cardinality assignment, split first (max-matching.ts) so that no shortest-path search is
 * spent on tickets that end up unserved — alone, such a search scans the whole saturated neighbourhood.
 * - Uncontested rows all get a slot among the uncontested groups: solved row by row, no search fails.
 * - Contested groups are filled completely by deficient rows, so their load cost is fixed and only the choice
 *   of which rows fill them matters: solved transposed (slots pick rows), where again no search fails.
 * Both parts are exact, and every maximum matching has this shape, so together they are the exact optimum.
 */
export function solveMaxCardinalityMinCost(instance: SparseInstance): Solution {
  const { rows, groupSize, groupBase, step, rowStart, edgeGroup, edgeCost } = instance;
  const { deficientRows, contestedGroups } = contestedSplit(instance);
  const group = new Int32Array(rows).fill(-1);
  const slot = new Int32Array(rows).fill(-1);

  const served = Int32Array.from({ length: rows }, (_, r) => r).filter((r) => !deficientRows[r]);
  const servedStart = new Int32Array(served.length + 1);
  const servedGroup: number[] = [];
  const servedCost: number[] = [];
  served.forEach((r, i) => {
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      if (contestedGroups[edgeGroup[e]!]) continue;
      servedGroup.push(edgeGroup[e]!);
      servedCost.push(edgeCost[e]!);
    }
    servedStart[i + 1] = servedGroup.length;
  });
  const uncontested = solveAssignment({
    rows: served.length, groupSize, groupBase, step, rowStart: servedStart,
    edgeGroup: Int32Array.from(servedGroup), edgeCost: Float64Array.from(servedCost),
  });
  served.forEach((r, i) => {
    group[r] = uncontested.group[i]!;
    slot[r] = uncontested.slot[i]!;
  });

  // Transposed: one row per slot of a contested group, one single-slot group per deficient ticket.
  const deficient = Int32Array.from({ length: rows }, (_, r) => r).filter((r) => deficientRows[r] === 1);
  const rowsOfGroup = new Map<number, { ticket: number; cost: number }[]>();
  deficient.forEach((r, ticket) => {
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const g = edgeGroup[e]!;
      if (!contestedGroups[g]) continue;
      let list = rowsOfGroup.get(g);
      if (!list) rowsOfGroup.set(g, (list = []));
      list.push({ ticket, cost: edgeCost[e]! });
    }
  });
  const slotOwner: { g: number; k: number }[] = [];
  const slotStart: number[] = [0];
  const slotTicket: number[] = [];
  const slotCost: number[] = [];
  for (const [g, tickets] of rowsOfGroup) {
    for (let k = 0; k < groupSize[g]!; k++) {
      slotOwner.push({ g, k });
      for (const { ticket, cost } of tickets) {
        slotTicket.push(ticket);
        slotCost.push(cost + groupBase[g]! + k * step);
      }
      slotStart.push(slotTicket.length);
    }
  }
  const contested = solveAssignment({
    rows: slotOwner.length, groupSize: new Int32Array(deficient.length).fill(1), groupBase: new Float64Array(deficient.length), step: 0,
    rowStart: Int32Array.from(slotStart), edgeGroup: Int32Array.from(slotTicket), edgeCost: Float64Array.from(slotCost),
  });
  slotOwner.forEach(({ g, k }, i) => {
    const ticket = contested.group[i]!;
    if (ticket < 0) return;
    group[deficient[ticket]!] = g;
    slot[deficient[ticket]!] = k;
  });
  return { group, slot };
}
