import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { UserCaller } from "@sysops/internal-auth";
import { visibleChange } from "./ticket-change.ts";

const customerId = randomUUID();
const expertId = randomUUID();
const ticketId = randomUUID();
const at = "2026-11-25T10:00:00.000Z";
const envelope = (type: string, payload: object) =>
  JSON.stringify({ id: randomUUID(), type, version: 1, occurredAt: at, aggregateType: "ticket", aggregateId: ticketId, payload });

const created = envelope("ticket.created", {
  ticketId, number: 7, customerId, productCategory: "tv", requiredSkillLevel: 2, serviceLat: 41.9, serviceLon: -87.6, planTier: "1", channel: "web", createdAt: at,
});
const changed = (to: string, holder?: string) =>
  envelope("ticket.status_changed", { ticketId, number: 7, customerId, from: "new", to, actorId: "x", actorRole: "system", channel: "system", ...(holder ? { expertId: holder } : {}), at });

const user = (role: UserCaller["role"], over: Partial<UserCaller> = {}): UserCaller => ({ kind: "user", userId: randomUUID(), role, name: "N", ...over });
const owner = user("customer", { customerId });
const holder = user("expert", { userId: expertId });

describe("visibleChange", () => {
  it("a new ticket: its customer and staff see it; no expert holds it yet", () => {
    expect(visibleChange(owner, created)).toEqual({ ticketId, number: 7, status: "new", at });
    expect(visibleChange(user("agent"), created)).toMatchObject({ status: "new" });
    expect(visibleChange(user("manager"), created)).toMatchObject({ status: "new" });
    expect(visibleChange(holder, created)).toBeNull();
    expect(visibleChange(user("customer", { customerId: randomUUID() }), created)).toBeNull();
  });

  it("a status change: the expert named on the step sees it, another expert does not", () => {
    expect(visibleChange(holder, changed("accepted", expertId))).toMatchObject({ status: "accepted" });
    expect(visibleChange(holder, changed("new"))).toBeNull();
    expect(visibleChange(user("expert"), changed("accepted", expertId))).toBeNull();
    expect(visibleChange(user("admin"), changed("cancelled", expertId))).toMatchObject({ status: "cancelled" });
  });

  it("ignores other events, malformed JSON, a missing field and a customer token without a customer", () => {
    expect(visibleChange(user("agent"), envelope("ticket.sla_warning", { ticketId, number: 7, customerId, target: "assign", dueAt: at }))).toBeNull();
    expect(visibleChange(user("agent"), "{not json")).toBeNull();
    expect(visibleChange(user("agent"), undefined)).toBeNull();
    expect(visibleChange(user("customer"), created)).toBeNull();
  });
});
