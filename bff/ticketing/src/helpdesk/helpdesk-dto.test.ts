import { describe, expect, it } from "vitest";
import { dayRange, toAssignmentDecisionDTO, toSlaDTO } from "./helpdesk-dto.ts";

describe("dayRange", () => {
  it("turns the agent's calendar days into inclusive instants (UTC+2 → offset −120)", () => {
    expect(dayRange("2026-05-03", "2026-05-04", -120)).toEqual({ createdFrom: "2026-05-02T22:00:00.000Z", createdTo: "2026-05-04T21:59:59.999Z" });
  });
  it("leaves an open end open", () => {
    expect(dayRange(undefined, "2026-05-04", 0)).toEqual({ createdFrom: undefined, createdTo: "2026-05-04T23:59:59.999Z" });
  });
});

describe("toSlaDTO", () => {
  const running = { target: "accept" as const, warnAt: "2026-05-03T10:48:00Z", dueAt: "2026-05-03T11:00:00Z" };
  const sla = (breached = false) => ({ running, breached, firings: [] });

  it.each([
    ["2026-05-03T10:00:00Z", "ok", 3_600_000],
    ["2026-05-03T10:50:00Z", "warning", 600_000],
    ["2026-05-03T11:05:00Z", "overdue", -300_000],
  ] as const)("at %s the clock is %s with %d ms left", (now, state, msLeft) => {
    expect(toSlaDTO(sla(), new Date(now)).running).toEqual({ target: "accept", warnAt: "2026-05-03T10:48:00.000Z", dueAt: "2026-05-03T11:00:00.000Z", state, msLeft });
  });

  it("has no clock when no target runs, and keeps the breach mark and firings", () => {
    const firedAt = "2026-05-01T09:00:00Z";
    expect(toSlaDTO({ running: null, breached: true, firings: [{ target: "assign", kind: "breach", firedAt }] }, new Date())).toEqual({
      running: null,
      breached: true,
      firings: [{ target: "assign", kind: "breach", firedAt: "2026-05-01T09:00:00.000Z" }],
    });
  });
});

describe("toAssignmentDecisionDTO", () => {
  const row = {
    assignmentId: "a",
    expertId: "e1",
    status: "rejected",
    distanceKm: 4.2,
    cost: 5.1,
    createdAt: "2026-05-03T10:00:00.000Z",
    endedAt: "2026-05-03T10:05:00.000Z",
    endReason: "Too far",
    explanation: {
      candidates: 6,
      eligible: 2,
      excluded: { skill: ["e3", "e4"], on_duty: ["e5"], radius: [] },
      excludedCounts: { skill: 3, on_duty: 1, radius: 0 },
      costs: [{ expertId: "e2", cost: 7.5 }, { expertId: "e1", cost: 5.1 }],
      chosen: { expertId: "e1", cost: 5.1 },
    },
    expertNames: { e1: "Sam Rivera", e2: "Omar Said", e3: "Mei Chen", e5: "Nora Walsh" },
  };

  it("names the experts, words the rules, skips empty rules and lists costs cheapest first", () => {
    expect(toAssignmentDecisionDTO(row)).toEqual({
      decidedAt: "2026-05-03T10:00:00.000Z",
      status: "rejected",
      endReason: "Too far",
      chosen: { name: "Sam Rivera", cost: 5.1, distanceKm: 4.2 },
      candidates: 6,
      eligible: 2,
      exclusions: [
        { rule: "skill level too low or missing", count: 3, experts: ["Mei Chen", "an expert no longer listed"] },
        { rule: "not on duty", count: 1, experts: ["Nora Walsh"] },
      ],
      costs: [
        { name: "Sam Rivera", cost: 5.1 },
        { name: "Omar Said", cost: 7.5 },
      ],
    });
  });

  it("copes with an empty explanation (an assignment recorded without one)", () => {
    expect(toAssignmentDecisionDTO({ ...row, explanation: {} })).toMatchObject({ candidates: 0, eligible: 0, exclusions: [], costs: [] });
  });
});
