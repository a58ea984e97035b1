import type { SparseInstance } from "./assignment-solver.ts";

/**
 * Maximum-cardinality b-matching (rows into groups of `groupSize` slots) by augmenting paths (Kuhn), then the
 * Dulmage–Mendelsohn split: `deficientRows` are the rows reachable from an unmatched row by an alternating path,
 * `contestedGroups` their neighbours. Every maximum matching fills the contested groups with deficient rows
 * and serves every other row from the other groups, so the min-cost problem splits into two parts where
 * nobody is left out by mistake (see plan.ts).
 * @see https://en.wikipedia.org/wiki/Dulmage%E2%80%93Mendelsohn_decomposition
 */
export function contestedSplit(instance: SparseInstance): { deficientRows: Uint8Array; contestedGroups: Uint8Array } {
  const { rows, groupSize, rowStart, edgeGroup } = instance;
  const groups = groupSize.length;
  const groupOfRow = new Int32Array(rows).fill(-1);
  const members: number[][] = Array.from({ length: groups }, () => []);
  const visited = new Int32Array(groups);
  let pass = 0;

  const augment = (row: number): boolean => {
    for (let e = rowStart[row]!; e < rowStart[row + 1]!; e++) {
      const g = edgeGroup[e]!;
      if (visited[g] === pass) continue;
      visited[g] = pass;
      const rowsOfG = members[g]!;
      if (rowsOfG.length < groupSize[g]!) {
        rowsOfG.push(row);
        groupOfRow[row] = g;
        return true;
      }
      for (let i = 0; i < rowsOfG.length; i++) {
        if (augment(rowsOfG[i]!)) {
          rowsOfG[i] = row; // the displaced row moved on; this row takes its slot
          groupOfRow[row] = g;
          return true;
        }
      }
    }
    return false;
  };
  // Passes keep `visited` across rows (a failed region stays failed while the matching is unchanged there) and
  // repeat until a pass augments nothing: then no augmenting path exists and the matching is maximum.
  for (let progress = true; progress; ) {
    progress = false;
    pass++;
    for (let row = 0; row < rows; row++) if (groupOfRow[row] === -1 && augment(row)) progress = true;
  }

  const deficientRows = new Uint8Array(rows);
  const contestedGroups = new Uint8Array(groups);
  const queue: number[] = [];
  for (let row = 0; row < rows; row++) {
    if (groupOfRow[row] !== -1) continue;
    deficientRows[row] = 1;
    queue.push(row);
  }
  for (let head = 0; head < queue.length; head++) {
    const row = queue[head]!;
    for (let e = rowStart[row]!; e < rowStart[row + 1]!; e++) {
      const g = edgeGroup[e]!;
      if (contestedGroups[g]) continue;
      contestedGroups[g] = 1;
      for (const other of members[g]!) {
        if (deficientRows[other]) continue;
        deficientRows[other] = 1;
        queue.push(other);
      }
    }
  }
  return { deficientRows, contestedGroups };
}
