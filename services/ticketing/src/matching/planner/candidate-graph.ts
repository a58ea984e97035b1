import { LOAD_KM } from "./cost.ts";
import { prepareExperts, RULES, screenTicket, type ExpertTable } from "./eligibility.ts";
import type { Explanation, PlannerExpert, PlannerTicket } from "./types.ts";

/** Longest id list kept per rule (and number of costs) in an explanation; counts stay exact. */
export const EXPLANATION_LIST_CAP = 20;

/** The sparse eligible graph: per ticket the eligible experts (index, distance), plus each ticket's explanation. */
export interface CandidateGraph {
  edges: { expert: number[]; distanceKm: number[] }[];
  explanations: Explanation[];
}

/** Screens every ticket against every expert and records who was excluded by which rule. */
export function buildCandidateGraph(tickets: readonly PlannerTicket[], experts: readonly PlannerExpert[], now: Date): CandidateGraph {
  const table = prepareExperts(experts, now);
  const expertLevel = expertLevelExclusions(table);
  const edges: CandidateGraph["edges"] = [];
  const explanations: Explanation[] = [];
  for (const ticket of tickets) {
    const lists = expertLevel.lists.map((ids) => ids.slice());
    const counts = expertLevel.counts.slice();
    const expert: number[] = [];
    const distanceKm: number[] = [];
    screenTicket(ticket, table, {
      excluded(ruleIndex, e) {
        if (counts[ruleIndex]!++ < EXPLANATION_LIST_CAP) lists[ruleIndex]!.push(experts[e]!.id);
      },
      eligible(e, km) {
        expert.push(e);
        distanceKm.push(km);
      },
    });
    edges.push({ expert, distanceKm });
    explanations.push({
      candidates: experts.length,
      eligible: expert.length,
      excluded: Object.fromEntries(RULES.flatMap((rule, i) => (counts[i]! > 0 ? [[rule, lists[i]!]] : []))),
      excludedCounts: Object.fromEntries(RULES.flatMap((rule, i) => (counts[i]! > 0 ? [[rule, counts[i]!]] : []))),
      costs: cheapest(expert, distanceKm, experts),
      chosen: null,
    });
  }
  return { edges, explanations };
}

function expertLevelExclusions(table: ExpertTable): { lists: string[][]; counts: number[] } {
  const lists = RULES.map((): string[] => []);
  const counts = RULES.map(() => 0);
  table.expertRule.forEach((rule, e) => {
    if (rule < 0) return;
    if (counts[rule]!++ < EXPLANATION_LIST_CAP) lists[rule]!.push(table.experts[e]!.id);
  });
  return { lists, counts };
}

/** The cheapest eligible experts for the explanation, each at the cost of its next slot (distance + load). */
function cheapest(expert: number[], distanceKm: number[], experts: readonly PlannerExpert[]): { expertId: string; cost: number }[] {
  return expert
    .map((e, i) => ({ expertId: experts[e]!.id, cost: round3(distanceKm[i]! + LOAD_KM * experts[e]!.openAssignments) }))
    .sort((a, b) => a.cost - b.cost || a.expertId.localeCompare(b.expertId))
    .slice(0, EXPLANATION_LIST_CAP);
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
