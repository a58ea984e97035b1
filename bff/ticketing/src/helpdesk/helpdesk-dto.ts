/**
 * What the helpdesk console shows, shaped from the services' answers: search rows with their SLA state, the
 * ticket page's SLA clocks (due times, state, time left) and the assignment explanations in people's words
 * (names instead of ids, one line per exclusion rule). Pure functions, unit-tested in helpdesk-dto.test.ts.
 * mfe-ticketing imports the types through `@sysops/bff-ticketing/helpdesk-dto`.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";
import { toTicketDetailDTO, toTicketDTO, toTimelineEntryDTO, type TicketDetailDTO, type TicketDTO, type TimelineEntryDTO } from "../tickets/ticket-dto.ts";

type TicketingOutputs = inferRouterOutputs<TicketingRouter>;
type SearchRow = TicketingOutputs["tickets"]["searchAll"]["items"][number];
type SlaStatus = TicketingOutputs["sla"]["forTicket"];
type ExplanationRow = TicketingOutputs["tickets"]["assignmentExplanation"][number];
type TicketView = TicketingOutputs["tickets"]["get"];
type HistoryEntry = TicketingOutputs["tickets"]["history"][number];

export type SlaState = SearchRow["slaState"];

export interface HelpdeskSearchRowDTO extends TicketDTO {
  slaState: SlaState;
}

export const toSearchRowDTO = (row: SearchRow): HelpdeskSearchRowDTO => ({ ...toTicketDTO(row), slaState: row.slaState });

/** Inclusive calendar days in the agent's zone → the instants the service filters on. */
export function dayRange(from: string | undefined, to: string | undefined, timezoneOffsetMinutes: number) {
  const startOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`) + timezoneOffsetMinutes * 60_000;
  return {
    createdFrom: from ? new Date(startOf(from)).toISOString() : undefined,
    createdTo: to ? new Date(startOf(to) + 86_400_000 - 1).toISOString() : undefined,
  };
}

export interface SlaClockDTO {
  /** The target running now: assign (while new), accept (while assigned), resolve (accepted, in progress). */
  target: "assign" | "accept" | "resolve";
  warnAt: string;
  dueAt: string;
  /** ok before the warning time, warning after it, overdue past the due time. */
  state: "ok" | "warning" | "overdue";
  /** Milliseconds until due (negative once overdue). */
  msLeft: number;
}

export interface SlaDTO {
  running: SlaClockDTO | null;
  /** A breach was recorded (stays true once a target was missed). */
  breached: boolean;
  /** Past warnings and breaches, oldest first. */
  firings: { target: string; kind: string; firedAt: string }[];
}

const isoOf = (d: string | Date) => new Date(d).toISOString();

const clockState = (now: Date, warnAt: Date, dueAt: Date): SlaClockDTO["state"] => (now >= dueAt ? "overdue" : now >= warnAt ? "warning" : "ok");

export function toSlaDTO(sla: SlaStatus, now: Date): SlaDTO {
  const r = sla.running;
  const running: SlaClockDTO | null = r && {
    target: r.target,
    warnAt: isoOf(r.warnAt),
    dueAt: isoOf(r.dueAt),
    msLeft: new Date(r.dueAt).getTime() - now.getTime(),
    state: clockState(now, new Date(r.warnAt), new Date(r.dueAt)),
  };
  return { running, breached: sla.breached, firings: sla.firings.map((f) => ({ target: f.target, kind: f.kind, firedAt: isoOf(f.firedAt) })) };
}

export interface AssignmentDecisionDTO {
  decidedAt: string;
  /** The assignment's fate: active, rejected (by the expert), completed, cancelled. */
  status: string;
  endReason: string | null;
  chosen: { name: string; cost: number; distanceKm: number };
  /** Experts considered, and how many passed every hard rule. */
  candidates: number;
  eligible: number;
  /** One line per rule that excluded someone: the rule, how many, the first few by name. */
  exclusions: { rule: string; count: number; experts: string[] }[];
  /** The cheapest eligible experts (cost in km-equivalents), cheapest first. */
  costs: { name: string; cost: number }[];
}

/** The planner's `Explanation` JSON (services/ticketing matching/planner/types.ts), read defensively. */
interface PlannerExplanation {
  candidates?: number;
  eligible?: number;
  excluded?: Record<string, string[]>;
  excludedCounts?: Record<string, number>;
  costs?: { expertId: string; cost: number }[];
}

/** The planner's hard rules (matching/planner/eligibility.ts RULES) in people's words; unknown rules show as named. */
const RULE_LABEL: Record<string, string> = {
  on_duty: "not on duty",
  working_hours: "outside working hours",
  capacity: "fully booked",
  skill: "skill level too low or missing",
  rejected: "rejected this ticket before",
  radius: "too far from the address",
};

export function toAssignmentDecisionDTO(row: ExplanationRow): AssignmentDecisionDTO {
  const e = (row.explanation ?? {}) as PlannerExplanation;
  const name = (id: string) => row.expertNames[id] ?? "an expert no longer listed";
  const counts = e.excludedCounts ?? {};
  return {
    decidedAt: row.createdAt,
    status: row.status,
    endReason: row.endReason,
    chosen: { name: name(row.expertId), cost: row.cost, distanceKm: row.distanceKm },
    candidates: e.candidates ?? 0,
    eligible: e.eligible ?? 0,
    exclusions: Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([rule, count]) => ({ rule: RULE_LABEL[rule] ?? rule, count, experts: (e.excluded?.[rule] ?? []).map(name) })),
    costs: [...(e.costs ?? [])].sort((a, b) => a.cost - b.cost).map((c) => ({ name: name(c.expertId), cost: c.cost })),
  };
}

export interface HelpdeskTicketDTO extends TicketDetailDTO {
  customerId: string;
  timeline: TimelineEntryDTO[];
  sla: SlaDTO;
  /** Matching decisions, newest first. */
  assignments: AssignmentDecisionDTO[];
}

export function toHelpdeskTicketDTO(
  parts: { ticket: TicketView; history: HistoryEntry[]; sla: SlaStatus; explanations: ExplanationRow[] },
  now: Date,
): HelpdeskTicketDTO {
  return {
    ...toTicketDetailDTO(parts.ticket),
    customerId: parts.ticket.customerId,
    timeline: parts.history.map(toTimelineEntryDTO),
    sla: toSlaDTO(parts.sla, now),
    assignments: parts.explanations.map(toAssignmentDecisionDTO),
  };
}
