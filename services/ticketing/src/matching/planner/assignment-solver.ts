import { MinHeap } from "./min-heap.ts";

/**
 * Exact min-cost maximum-cardinality assignment of rows (tickets) to capacity slots of groups (experts) on a
 * sparse graph, by shortest augmenting paths with dual prices — the augmentation phase of Jonker–Volgenant
 * (LAPJV), with Dijkstra over the sparse adjacency.
 *
 * Group g owns `groupSize[g]` slot columns; its k-th slot costs edgeCost + groupBase[g] + k·step from any row
 * (the convex load of cost.ts). Every row also gets a private "unassigned" column costing BIG, more than the
 * sum of every row's most expensive real edge: the instance is always row-complete, and minimising
 * real cost + BIG × unassigned first maximises the number of real assignments, then minimises their cost —
 * exactly our objective. (Rows one at a time without it would be wrong when not every ticket can be served:
 * an early, expensive ticket would keep a slot that a later, cheaper one should take.) Costs: non-negative integers.
 *
 * Free slots keep price 0 and a group's k-th slot is dearer than its (k−1)-th from every row, so a group's
 * matched slots are always a prefix: a search considers only those plus the first free one.
 * @see https://doi.org/10.1007/BF02278710 (Jonker & Volgenant 1987) and D. F. Crouse, "On implementing 2D
 *   rectangular assignment algorithms", IEEE TAES 2016.
 */
export interface SparseInstance {
  rows: number;
  groupSize: Int32Array;
  groupBase: Float64Array;
  step: number;
  /** CSR adjacency: row r's edges are [rowStart[r], rowStart[r + 1]) in edgeGroup / edgeCost. */
  rowStart: Int32Array;
  edgeGroup: Int32Array;
  edgeCost: Float64Array;
}

/** Per row its group (expert) and slot index k, both -1 when the row stays unassigned. */
export interface Solution {
  group: Int32Array;
  slot: Int32Array;
}

export function solveAssignment(instance: SparseInstance): Solution {
  const { rows, groupSize, groupBase, step, rowStart, edgeGroup, edgeCost } = instance;
  const groups = groupSize.length;
  const firstColumn = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) firstColumn[g + 1] = firstColumn[g]! + groupSize[g]!;
  const columns = firstColumn[groups]!;
  const groupOfColumn = new Int32Array(columns);
  for (let g = 0; g < groups; g++) groupOfColumn.fill(g, firstColumn[g], firstColumn[g + 1]);
  let big = 1;
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
      const g = edgeGroup[e]!;
      max = Math.max(max, edgeCost[e]! + groupBase[g]! + step * (groupSize[g]! - 1));
    }
    big += max;
  }
  const total = columns + rows; // column `columns + r` is row r's "unassigned" column
  const price = new Float64Array(total); // v[j]; reduced cost of (r, j) = cost − price[j] − u[r] ≥ 0
  const rowOfColumn = new Int32Array(total).fill(-1);
  const columnOfRow = new Int32Array(rows).fill(-1);
  const matchedCost = new Float64Array(rows); // cost of each row's matched edge, so u[r] = matchedCost − price
  const used = new Int32Array(groups); // matched prefix length per group
  // Dijkstra runs over columns and one node per group (id total + g): row → group costs the edge plus the
  // group's cheapest reduced slot offset, group → slot the rest, so a row relaxes each group once, not each slot.
  const nodes = total + groups;
  const dist = new Float64Array(nodes);
  const predRow = new Int32Array(nodes);
  const predCost = new Float64Array(nodes);
  const seen = new Int32Array(nodes); // search stamps: no per-search clearing
  const done = new Int32Array(nodes);
  const minOffset = new Float64Array(groups); // min over relevant slots k of groupBase + k·step − price (per search)
  const offsetStamp = new Int32Array(groups);
  const scanned: number[] = [];
  const heap = new MinHeap();

  const relax = (stamp: number, node: number, d: number, row: number, cost: number): void => {
    if (done[node] === stamp || (seen[node] === stamp && d >= dist[node]!)) return;
    seen[node] = stamp;
    dist[node] = d;
    predRow[node] = row;
    predCost[node] = cost;
    heap.push(d, node);
  };
  const lastSlot = (g: number): number => Math.min(used[g]!, groupSize[g]! - 1);
  const offsetOf = (stamp: number, g: number): number => {
    if (offsetStamp[g] !== stamp) {
      offsetStamp[g] = stamp;
      let min = Infinity;
      for (let k = 0, column = firstColumn[g]!; k <= lastSlot(g); k++, column++) min = Math.min(min, groupBase[g]! + k * step - price[column]!);
      minOffset[g] = min;
    }
    return minOffset[g]!;
  };
  const relaxRow = (stamp: number, row: number, base: number): void => {
    for (let e = rowStart[row]!; e < rowStart[row + 1]!; e++) {
      const g = edgeGroup[e]!;
      if (groupSize[g]! > 0) relax(stamp, total + g, base + edgeCost[e]! + offsetOf(stamp, g), row, edgeCost[e]!);
    }
    relax(stamp, columns + row, base + big - price[columns + row]!, row, big);
  };
  const expandGroup = (stamp: number, g: number, d: number): void => {
    const reach = d - minOffset[g]!; // base + edge cost of the best row into g
    const node = total + g;
    let cost = predCost[node]! + groupBase[g]!;
    for (let k = 0, column = firstColumn[g]!; k <= lastSlot(g); k++, column++, cost += step) {
      relax(stamp, column, reach + groupBase[g]! + k * step - price[column]!, predRow[node]!, cost);
    }
  };

  for (let start = 0; start < rows; start++) {
    const stamp = start + 1;
    heap.clear();
    scanned.length = 0;
    relaxRow(stamp, start, 0);
    let end = -1;
    let shortest = 0;
    while (end < 0) {
      const node = heap.pop(); // never empty: the start row's own column is free
      const d = heap.poppedKey;
      if (done[node] === stamp || d > dist[node]!) continue;
      done[node] = stamp;
      if (node >= total) {
        expandGroup(stamp, node - total, d);
        continue;
      }
      const row = rowOfColumn[node]!;
      if (row < 0) {
        end = node;
        shortest = d;
      } else {
        scanned.push(node);
        relaxRow(stamp, row, d - (matchedCost[row]! - price[node]!));
      }
    }
    for (const column of scanned) price[column] = price[column]! + dist[column]! - shortest;
    if (end < columns) used[groupOfColumn[end]!]!++;
    for (let column = end; ; ) {
      const row = predRow[column]!;
      const previous = columnOfRow[row]!;
      rowOfColumn[column] = row;
      columnOfRow[row] = column;
      matchedCost[row] = predCost[column]!;
      if (row === start) break;
      column = previous;
    }
  }
  const group = new Int32Array(rows).fill(-1);
  const slot = new Int32Array(rows).fill(-1);
  columnOfRow.forEach((column, row) => {
    if (column >= columns) return;
    group[row] = groupOfColumn[column]!;
    slot[row] = column - firstColumn[group[row]]!;
  });
  return { group, slot };
}
