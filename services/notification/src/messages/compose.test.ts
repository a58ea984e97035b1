import { describe, expect, it } from "vitest";
import { assignedMessages, customerCaresAbout, formatWindow, slaBreachedMessages, statusChangedMessages, surveyMessages } from "./compose.ts";

const customer = { name: "Alice Ng", email: "alice@example.com" };
const managers = [
  { name: "Mia", email: "mia@example.com" },
  { name: "Max", email: "max@example.com" },
];
const ids = { ticketId: "0b5c6a8e-8f5e-4d7e-9a55-5d3e0b1f2a01", customerId: "0b5c6a8e-8f5e-4d7e-9a55-5d3e0b1f2a02", number: 42 };
const expertId = "0b5c6a8e-8f5e-4d7e-9a55-5d3e0b1f2a03";
const statusChange = (from: string, to: string, extra: { reason?: string; expertId?: string } = {}) => ({
  ...ids,
  from,
  to,
  actorId: "u1",
  actorRole: "agent",
  channel: "web" as const,
  at: "2026-11-25T10:00:00.000Z",
  ...extra,
});

describe("formatWindow", () => {
  it("names the day and the UTC hours", () => {
    expect(formatWindow("2026-11-25T10:00:00.000Z", "2026-11-25T12:30:00.000Z")).toBe("Wed 25 Nov 2026, 10:00–12:30 UTC");
  });
});

describe("assignedMessages", () => {
  const payload = { ...ids, expertId, expertFirstName: "Sam", arrivalWindowStart: "2026-11-25T10:00:00.000Z", arrivalWindowEnd: "2026-11-25T12:00:00.000Z", costKm: 3, explanationId: "x" };

  it("emails the customer the expert's first name and arrival window, and texts the expert", () => {
    const [mail, sms] = assignedMessages(payload, customer, "+15550001");
    expect(mail).toMatchObject({ kind: "customer.expert_assigned", channel: "email", recipient: customer.email, subject: "Ticket #42: Sam is your expert" });
    expect(mail!.body).toContain("Sam will handle ticket #42.");
    expect(mail!.body).toContain("Wed 25 Nov 2026, 10:00–12:00 UTC");
    expect(sms).toMatchObject({ kind: "expert.new_assignment", channel: "sms", recipient: "+15550001", subject: null });
    expect(sms!.body).toContain("ticket #42");
  });

  it("sends no SMS to an expert without a phone number", () => {
    expect(assignedMessages(payload, customer, null).map((m) => m.channel)).toEqual(["email"]);
  });
});

describe("statusChangedMessages", () => {
  const contacts = { customer, expertPhone: "+15550001", managers };

  it("tells the customer about the changes they care about, not internal ones", () => {
    expect(customerCaresAbout({ from: "assigned", to: "accepted" })).toBe(true);
    expect(customerCaresAbout({ from: "resolved", to: "new" })).toBe(true);
    expect(customerCaresAbout({ from: "assigned", to: "rejected" })).toBe(false);
    expect(customerCaresAbout({ from: "rejected", to: "new" })).toBe(false);
    expect(statusChangedMessages(statusChange("assigned", "rejected"), contacts)).toEqual([]);
    const [reopened] = statusChangedMessages(statusChange("resolved", "new"), contacts);
    expect(reopened).toMatchObject({ kind: "customer.status.reopened", subject: "Ticket #42 is reopened" });
    const [started] = statusChangedMessages(statusChange("accepted", "in_progress"), contacts);
    expect(started).toMatchObject({ kind: "customer.status.in_progress", subject: "Ticket #42 is in progress" });
  });

  it("on a cancelled assignment also texts the expert, with the reason in the customer's email", () => {
    const messages = statusChangedMessages(statusChange("assigned", "cancelled", { expertId, reason: "fixed it myself" }), contacts);
    expect(messages.map((m) => m.kind)).toEqual(["customer.status.cancelled", "expert.assignment_cancelled"]);
    expect(messages[0]!.body).toContain("Reason: fixed it myself");
    expect(messages[1]!.recipient).toBe("+15550001");
  });

  it("emails every manager on an escalation", () => {
    const messages = statusChangedMessages(statusChange("new", "escalated", { reason: "no eligible expert" }), contacts);
    expect(messages.map((m) => [m.kind, m.recipient])).toEqual([
      ["manager.escalated", "mia@example.com"],
      ["manager.escalated", "max@example.com"],
    ]);
  });
});

describe("surveyMessages and slaBreachedMessages", () => {
  it("links the survey on the gateway origin", () => {
    const [mail] = surveyMessages({ surveyId: expertId, ticketId: ids.ticketId, customerId: ids.customerId, token: "t0k/en", expiresAt: "2026-12-02T10:00:00.000Z" }, customer, "http://localhost:3000");
    expect(mail!.body).toContain("http://localhost:3000/survey/t0k%2Fen");
  });

  it("emails managers one message per breached target", () => {
    const messages = slaBreachedMessages({ ...ids, target: "assign", dueAt: "2026-11-25T10:00:00.000Z" }, managers);
    expect(messages.map((m) => m.kind)).toEqual(["manager.sla_breached.assign", "manager.sla_breached.assign"]);
    expect(messages[0]!.subject).toBe("SLA breached: ticket #42 (assign)");
  });
});
