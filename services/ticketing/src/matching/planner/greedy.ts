import { buildCandidateGraph } from "./candidate-graph.ts";
import { slotCostMetres, toMetres } from "./cost.ts";
import type { PlannerExpert, PlannerTicket } from "./types.ts";

/**
 * Baseline only (benchmark and tests compare against it; production never uses it): tickets in order, each
 * to its nearest eligible expert with capacity left, costed with the same model as the planner.
 */
export function planGreedy(tickets: PlannerTicket[], experts: PlannerExpert[], now: Date): { pairs: { ticketId: string; expertId: string }[]; totalCost: number } {
  const { edges } = buildCandidateGraph(tickets, experts, now);
  const used = new Array<number>(experts.length).fill(0);
  const pairs: { ticketId: string; expertId: string }[] = [];
  let totalM = 0;
  tickets.forEach((ticket, row) => {
    let best: { expert: number; distanceKm: number } | undefined;
    const candidates = edges[row]!;
    candidates.expert.forEach((e, i) => {
      const expert = experts[e]!;
      const distanceKm = candidates.distanceKm[i]!;
      if (expert.openAssignments + used[e]! >= expert.capacity) return;
      if (!best || distanceKm < best.distanceKm) best = { expert: e, distanceKm };
    });
    if (!best) return;
    const expert = experts[best.expert]!;
    totalM += slotCostMetres(toMetres(best.distanceKm), expert.openAssignments, used[best.expert]!++);
    pairs.push({ ticketId: ticket.id, expertId: expert.id });
  });
  return { pairs, totalCost: totalM / 1000 };
}
