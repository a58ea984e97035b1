import type { SparseInstance } from "./assignment-solver.ts";
import { solveMaxCardinalityMinCost } from "./exact-assignment.ts";
import { buildCandidateGraph, round3, type CandidateGraph } from "./candidate-graph.ts";
import { arrivalWindow, LOAD_KM, slotCostMetres, toMetres } from "./cost.ts";
import type { PlannedAssignment, PlannerExpert, PlannerTicket, PlanResult } from "./types.ts";

/**
 * Plans one matching run: every ticket it can, never past an expert's remaining capacity, and among those the
 * exact minimum total cost (distance + convex load, see cost.ts). Pure: no I/O, `now` is given.
 */
export function planAssignments(tickets: PlannerTicket[], experts: PlannerExpert[], now: Date): PlanResult {
  const graph = buildCandidateGraph(tickets, experts, now);
  const solution = solveMaxCardinalityMinCost(toInstance(graph.edges, experts));
  const assignments: PlannedAssignment[] = [];
  const explanations: PlanResult["explanations"] = {};
  tickets.forEach((ticket, row) => {
    const explanation = graph.explanations[row]!;
    explanations[ticket.id] = explanation;
    const expertIndex = solution.group[row]!;
    if (expertIndex < 0) return;
    const expert = experts[expertIndex]!;
    const edges = graph.edges[row]!;
    const distanceKm = edges.distanceKm[edges.expert.indexOf(expertIndex)]!;
    const cost = slotCostMetres(toMetres(distanceKm), expert.openAssignments, solution.slot[row]!) / 1000;
    const window = arrivalWindow(now, distanceKm);
    explanation.chosen = { expertId: expert.id, cost };
    assignments.push({ ticketId: ticket.id, expertId: expert.id, distanceKm: round3(distanceKm), cost, arrivalWindowStart: window.start, arrivalWindowEnd: window.end });
  });
  return { assignments, explanations };
}

/** Experts become slot groups: no more slots than remaining capacity, nor than tickets that could use them. */
function toInstance(edges: CandidateGraph["edges"], experts: readonly PlannerExpert[]): SparseInstance {
  const degree = new Int32Array(experts.length);
  const rowStart = new Int32Array(edges.length + 1);
  edges.forEach((ticketEdges, row) => {
    for (const e of ticketEdges.expert) degree[e]!++;
    rowStart[row + 1] = rowStart[row]! + ticketEdges.expert.length;
  });
  return {
    rows: edges.length,
    groupSize: Int32Array.from(experts, (expert, e) => Math.max(0, Math.min(expert.capacity - expert.openAssignments, degree[e]!))),
    groupBase: Float64Array.from(experts, (expert) => slotCostMetres(0, expert.openAssignments, 0)),
    step: toMetres(LOAD_KM),
    rowStart,
    edgeGroup: Int32Array.from(edges.flatMap((ticketEdges) => ticketEdges.expert)),
    edgeCost: Float64Array.from(edges.flatMap((ticketEdges) => ticketEdges.distanceKm.map(toMetres))),
  };
}
