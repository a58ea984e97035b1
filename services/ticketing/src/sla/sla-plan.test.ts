import { describe, expect, it } from "vitest";
import { slaJobId, timersFor, timerStillApplies, type TimedTicket } from "./sla-plan.ts";

const at = (iso: string) => new Date(`2026-03-02T${iso}:00.000Z`);
const ticket = (over: Partial<TimedTicket>): TimedTicket => ({
  id: "t1",
  status: "new",
  assignDueAt: at("10:30"),
  acceptDueAt: null,
  resolveDueAt: null,
  assignTargetMinutes: 30,
  acceptTargetMinutes: 15,
  resolveTargetMinutes: 480,
  ...over,
});

describe("timersFor", () => {
  it("warns at 80 % and breaches at 100 % of the running target", () => {
    expect(timersFor(ticket({}))).toEqual([
      { ticketId: "t1", target: "assign", kind: "warning", dueAt: at("10:30"), phaseStartedAt: at("10:00"), fireAt: at("10:24") },
      { ticketId: "t1", target: "assign", kind: "breach", dueAt: at("10:30"), phaseStartedAt: at("10:00"), fireAt: at("10:30") },
    ]);
  });

  it("runs accept while assigned and resolve while accepted or in progress", () => {
    expect(timersFor(ticket({ status: "assigned", acceptDueAt: at("11:00") })).map((t) => [t.target, t.fireAt])).toEqual([
      ["accept", at("10:57")],
      ["accept", at("11:00")],
    ]);
    for (const status of ["accepted", "in_progress"] as const) {
      expect(timersFor(ticket({ status, resolveDueAt: at("18:00") }))[0]).toMatchObject({ target: "resolve", fireAt: at("16:24") });
    }
  });

  it("has no timers in other statuses or without a due time", () => {
    for (const status of ["resolved", "closed", "cancelled", "escalated", "rejected"] as const) expect(timersFor(ticket({ status }))).toEqual([]);
    expect(timersFor(ticket({ status: "assigned" }))).toEqual([]);
  });
});

describe("timerStillApplies", () => {
  it("only for the same phase and due time", () => {
    const t = ticket({});
    expect(timerStillApplies(t, { target: "assign", dueAt: at("10:30") })).toBe(true);
    expect(timerStillApplies(t, { target: "assign", dueAt: at("10:45") })).toBe(false);
    expect(timerStillApplies({ ...t, status: "assigned", acceptDueAt: at("10:30") }, { target: "assign", dueAt: at("10:30") })).toBe(false);
  });
});

it("job ids are deterministic per ticket, target and kind", () => {
  expect(slaJobId("t1", "accept", "breach")).toBe("sla.t1.accept.breach");
});
