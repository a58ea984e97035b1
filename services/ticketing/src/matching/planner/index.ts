/** The matching planner's public API (pure; the matching job in ../ does the I/O around it). */
export type { Explanation, PlannedAssignment, PlannerExpert, PlannerTicket, PlanResult, WorkingWindow } from "./types.ts";
export { planAssignments } from "./plan.ts";
export { expertFailure, RULES, type RuleName } from "./eligibility.ts";
export { LOAD_KM, TRAVEL_SPEED_KMH, WINDOW_HOURS } from "./cost.ts";
export { EXPLANATION_LIST_CAP } from "./candidate-graph.ts";
