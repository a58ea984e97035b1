import { expertFailure, pairFailure, RULES, type RuleName } from "./eligibility.ts";
import type { Explanation, PlannerExpert, PlannerTicket } from "./types.ts";
import { LOAD_KM } from "./cost.ts";

/** Longest id list kept per rule (and number of costs) in an explanation; counts stay exact. */
export const EXPLANATION_LIST_CAP = 20;

export interface CandidateEdge {
  expert: number;
  distanceKm: number;
}

/** The sparse eligible graph: per ticket the experts passing every hard rule, plus each ticket's explanation. */
export interface CandidateGraph {
  edges: CandidateEdge[][];
  explanations: Explanation[];
}

/** Checks every hard rule for every pair (expert-level rules once per expert) and records who was excluded why. */
export function buildCandidateGraph(tickets: readonly PlannerTicket[], experts: readonly PlannerExpert[], now: Date): CandidateGraph {
  const expertRule = experts.map((expert) => expertFailure(expert, now));
  const edges: CandidateEdge[][] = [];
  const explanations: Explanation[] = [];
  for (const ticket of tickets) {
    const excluded: Record<string, string[]> = {};
    const excludedCounts: Record<string, number> = {};
    const exclude = (rule: RuleName, expertId: string): void => {
      const ids = (excluded[rule] ??= []);
      if (ids.length < EXPLANATION_LIST_CAP) ids.push(expertId);
      excludedCounts[rule] = (excludedCounts[rule] ?? 0) + 1;
    };
    const ticketEdges: CandidateEdge[] = [];
    experts.forEach((expert, index) => {
      const failure = expertRule[index];
      if (failure) return exclude(failure, expert.id);
      const check = pairFailure(ticket, expert);
      if (check.rule !== null) return exclude(check.rule, expert.id);
      ticketEdges.push({ expert: index, distanceKm: check.distanceKm });
    });
    edges.push(ticketEdges);
    const costs = ticketEdges
      .map(({ expert, distanceKm }) => ({ expertId: experts[expert]!.id, cost: round3(distanceKm + LOAD_KM * experts[expert]!.openAssignments) }))
      .sort((a, b) => a.cost - b.cost || a.expertId.localeCompare(b.expertId))
      .slice(0, EXPLANATION_LIST_CAP);
    const ordered = RULES.filter((rule) => rule in excluded);
    explanations.push({
      candidates: experts.length,
      eligible: ticketEdges.length,
      excluded: Object.fromEntries(ordered.map((rule) => [rule, excluded[rule]!])),
      excludedCounts: Object.fromEntries(ordered.map((rule) => [rule, excludedCounts[rule]!])),
      costs,
      chosen: null,
    });
  }
  return { edges, explanations };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
