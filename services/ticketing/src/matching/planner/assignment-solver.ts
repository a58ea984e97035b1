import { MinHeap } from "./min-heap.ts";

/**
 * Exact min-cost maximum-cardinality assignment of rows (tickets) to columns (expert capacity slots) on a
 * sparse graph, by shortest augmenting paths with dual prices — the augmentation phase of Jonker–Volgenant
 * (LAPJV), with Dijkstra over the sparse adjacency.
 *
 * Every row also gets a private "unassigned" column costing BIG, larger than the sum of every row's most
 * expensive real edge. The instance is then always row-complete, and minimising real cost + BIG × unassigned
 * first maximises the number of real assignments, then minimises their cost: exactly our objective. (Processing
 * rows one at a time without it would be wrong when not every ticket can be served: an early, expensive ticket
 * would keep a slot that a later, cheaper one should take.) Costs must be non-negative integers.
 * @see https://doi.org/10.1007/BF02278710 (Jonker & Volgenant 1987) and D. F. Crouse, "On implementing 2D
 *   rectangular assignment algorithms", IEEE TAES 2016.
 */
export interface SparseInstance {
  rows: number;
  columns: number;
  /** CSR adjacency: row r's edges are [rowStart[r], rowStart[r + 1]) in edgeColumn / edgeCost. */
  rowStart: Int32Array;
  edgeColumn: Int32Array;
  edgeCost: Float64Array;
}

/** For each row its real column, or -1 when the row stays unassigned. */
export function solveAssignment(instance: SparseInstance): Int32Array {
  const { rows, columns, rowStart, edgeColumn, edgeCost } = instance;
  let big = 1;
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) max = Math.max(max, edgeCost[e]!);
    big += max;
  }
  const total = columns + rows; // column `columns + r` is row r's "unassigned" column
  const price = new Float64Array(total); // v[j]; reduced cost of (r, j) = cost − price[j] − u[r] ≥ 0
  const rowOfColumn = new Int32Array(total).fill(-1);
  const columnOfRow = new Int32Array(rows).fill(-1);
  const matchedCost = new Float64Array(rows); // cost of each row's matched edge, so u[r] = matchedCost − price
  const dist = new Float64Array(total);
  const predRow = new Int32Array(total);
  const predCost = new Float64Array(total);
  const seen = new Int32Array(total); // search stamps: no per-search clearing
  const done = new Int32Array(total);
  const scanned: number[] = [];
  const heap = new MinHeap();

  const relax = (stamp: number, column: number, d: number, row: number, cost: number): void => {
    if (seen[column] === stamp && d >= dist[column]!) return;
    seen[column] = stamp;
    dist[column] = d;
    predRow[column] = row;
    predCost[column] = cost;
    heap.push(d, column);
  };
  const relaxRow = (stamp: number, row: number, base: number): void => {
    for (let e = rowStart[row]!; e < rowStart[row + 1]!; e++) {
      const column = edgeColumn[e]!;
      if (done[column] !== stamp) relax(stamp, column, base + edgeCost[e]! - price[column]!, row, edgeCost[e]!);
    }
    const own = columns + row;
    if (done[own] !== stamp) relax(stamp, own, base + big - price[own]!, row, big);
  };

  for (let start = 0; start < rows; start++) {
    const stamp = start + 1;
    heap.clear();
    scanned.length = 0;
    relaxRow(stamp, start, 0);
    let end = -1;
    let shortest = 0;
    while (end < 0) {
      const [d, column] = heap.pop(); // never empty: the start row's own column is free
      if (done[column] === stamp || d > dist[column]!) continue;
      done[column] = stamp;
      const row = rowOfColumn[column]!;
      if (row < 0) {
        end = column;
        shortest = d;
      } else {
        scanned.push(column);
        relaxRow(stamp, row, d - (matchedCost[row]! - price[column]!));
      }
    }
    for (const column of scanned) price[column] = price[column]! + dist[column]! - shortest;
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
  return columnOfRow.map((column) => (column < columns ? column : -1));
}
