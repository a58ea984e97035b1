import { solveAssignment, type SparseInstance } from "./assignment-solver.ts";
import { buildCandidateGraph, round3, type CandidateEdge } from "./candidate-graph.ts";
import { arrivalWindow, slotCostMetres, toMetres } from "./cost.ts";
import type { PlannedAssignment, PlannerExpert, PlannerTicket, PlanResult } from "./types.ts";

/**
 * Plans one matching run: every ticket it can, never past an expert's remaining capacity, and among those the
 * exact minimum total cost (distance + convex load, see cost.ts). Pure: no I/O, `now` is given.
 */
export function planAssignments(tickets: PlannerTicket[], experts: PlannerExpert[], now: Date): PlanResult {
  const graph = buildCandidateGraph(tickets, experts, now);
  const slots = slotLayout(graph.edges, experts);
  const solution = solveAssignment(toInstance(graph.edges, experts, slots));

  const assignments: PlannedAssignment[] = [];
  const explanations: PlanResult["explanations"] = {};
  tickets.forEach((ticket, row) => {
    const explanation = graph.explanations[row]!;
    explanations[ticket.id] = explanation;
    const column = solution[row]!;
    if (column < 0) return;
    const expertIndex = slots.expertOfColumn[column]!;
    const expert = experts[expertIndex]!;
    const k = column - slots.firstColumn[expertIndex]!;
    const distanceKm = graph.edges[row]!.find((edge) => edge.expert === expertIndex)!.distanceKm;
    const cost = slotCostMetres(toMetres(distanceKm), expert.openAssignments, k) / 1000;
    const window = arrivalWindow(now, distanceKm);
    explanation.chosen = { expertId: expert.id, cost };
    assignments.push({ ticketId: ticket.id, expertId: expert.id, distanceKm: round3(distanceKm), cost, arrivalWindowStart: window.start, arrivalWindowEnd: window.end });
  });
  return { assignments, explanations };
}

interface SlotLayout {
  columns: number;
  firstColumn: number[];
  slotCount: number[];
  expertOfColumn: Int32Array;
}

/** Expert e owns columns firstColumn[e] + k for its k-th new assignment; no more slots than eligible tickets. */
function slotLayout(edges: CandidateEdge[][], experts: readonly PlannerExpert[]): SlotLayout {
  const degree = new Array<number>(experts.length).fill(0);
  for (const ticketEdges of edges) for (const edge of ticketEdges) degree[edge.expert]!++;
  const firstColumn: number[] = [];
  const slotCount: number[] = [];
  let columns = 0;
  experts.forEach((expert, e) => {
    firstColumn.push(columns);
    const count = Math.max(0, Math.min(expert.capacity - expert.openAssignments, degree[e]!));
    slotCount.push(count);
    columns += count;
  });
  const expertOfColumn = new Int32Array(columns);
  experts.forEach((_, e) => expertOfColumn.fill(e, firstColumn[e]!, firstColumn[e]! + slotCount[e]!));
  return { columns, firstColumn, slotCount, expertOfColumn };
}

function toInstance(edges: CandidateEdge[][], experts: readonly PlannerExpert[], slots: SlotLayout): SparseInstance {
  const rowStart = new Int32Array(edges.length + 1);
  let total = 0;
  edges.forEach((ticketEdges, row) => {
    for (const edge of ticketEdges) total += slots.slotCount[edge.expert]!;
    rowStart[row + 1] = total;
  });
  const edgeColumn = new Int32Array(total);
  const edgeCost = new Float64Array(total);
  let at = 0;
  for (const ticketEdges of edges) {
    for (const { expert, distanceKm } of ticketEdges) {
      const distanceM = toMetres(distanceKm);
      for (let k = 0; k < slots.slotCount[expert]!; k++) {
        edgeColumn[at] = slots.firstColumn[expert]! + k;
        edgeCost[at++] = slotCostMetres(distanceM, experts[expert]!.openAssignments, k);
      }
    }
  }
  return { rows: edges.length, columns: slots.columns, rowStart, edgeColumn, edgeCost };
}
