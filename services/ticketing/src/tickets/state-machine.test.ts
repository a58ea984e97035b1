import { DomainError } from "@sysops/domain-errors";
import { describe, expect, it } from "vitest";
import type { TicketStatus } from "../generated/prisma/enums.ts";
import { allowedActions, decideTransition, PERSON_ACTIONS, REOPEN_WINDOW_MS, TRANSITIONS, type Actor, type TicketAction, type TicketFacts } from "./state-machine.ts";

const STATUSES: TicketStatus[] = ["new", "assigned", "accepted", "in_progress", "resolved", "closed", "rejected", "cancelled", "escalated"];
const ACTIONS: TicketAction[] = ["assign", "accept", "reject", "requeue", "start", "resolve", "cancel", "confirm", "autoClose", "reopen", "escalate"];
const ROLES = ["customer", "agent", "expert", "manager", "admin", "system"] as const;

const NOW = new Date("2026-11-25T10:00:00.000Z");
const EXPERT = "e0000000-0000-4000-8000-000000000001";
const CUSTOMER = "c0000000-0000-4000-8000-000000000001";
const ticket = (status: TicketStatus, over: Partial<TicketFacts> = {}): TicketFacts => ({
  id: "t0000000-0000-4000-8000-000000000001",
  status,
  customerId: CUSTOMER,
  expertId: EXPERT,
  resolvedAt: new Date(NOW.getTime() - 60_000),
  ...over,
});

/** The actor that satisfies the rule's condition for `role` (the assigned expert, the owning customer). */
const rightActor = (role: (typeof ROLES)[number]): Actor =>
  role === "system" ? { kind: "system", id: "matching" } : { kind: "user", userId: role === "expert" ? EXPERT : "u-1", role, customerId: role === "customer" ? CUSTOMER : undefined };

const resolvedLongAgo = new Date(NOW.getTime() - REOPEN_WINDOW_MS - 1);
const factsFor = (action: TicketAction, status: TicketStatus) => ticket(status, action === "autoClose" ? { resolvedAt: resolvedLongAgo } : {});
const full = { reason: "because", notes: "replaced the fuse" };

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
};

describe("decideTransition: every (action, role, status)", () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const rule = TRANSITIONS.find((r) => r.action === action && r.role === role);
      for (const status of STATUSES) {
        const allowed = rule?.from.includes(status) ?? false;
        it(`${role} ${action} from ${status}: ${allowed ? `→ ${rule?.to}` : "refused"}`, () => {
          const decide = () => decideTransition(factsFor(action, status), { action, actor: rightActor(role), ...full }, NOW);
          if (allowed) expect(decide().to).toBe(rule?.to);
          else expect(refusal(decide).kind).toBe(rule ? "conflict" : "forbidden");
        });
      }
    }
  }
});

describe("decideTransition: conditions and required input", () => {
  it("only the assigned expert may accept, reject, start or resolve", () => {
    const other: Actor = { kind: "user", userId: "someone-else", role: "expert" };
    for (const [action, status] of [["accept", "assigned"], ["reject", "assigned"], ["start", "accepted"], ["resolve", "in_progress"]] as const) {
      expect(refusal(() => decideTransition(ticket(status), { action, actor: other, ...full }, NOW)).kind).toBe("forbidden");
    }
  });

  it("another customer's ticket looks missing for cancel, confirm and reopen", () => {
    const stranger: Actor = { kind: "user", userId: "u-2", role: "customer", customerId: "someone-else" };
    for (const [action, status] of [["cancel", "new"], ["confirm", "resolved"], ["reopen", "resolved"]] as const) {
      expect(refusal(() => decideTransition(ticket(status), { action, actor: stranger }, NOW)).kind).toBe("not_found");
    }
  });

  it("reopen only within 7 days of resolution; auto-close only after", () => {
    const customer = rightActor("customer");
    const atEdge = ticket("resolved", { resolvedAt: new Date(NOW.getTime() - REOPEN_WINDOW_MS) });
    expect(decideTransition(atEdge, { action: "reopen", actor: customer }, NOW).to).toBe("new");
    expect(refusal(() => decideTransition(atEdge, { action: "autoClose", actor: rightActor("system") }, NOW)).field).toBe("status");
    const late = ticket("resolved", { resolvedAt: resolvedLongAgo });
    expect(refusal(() => decideTransition(late, { action: "reopen", actor: customer }, NOW)).field).toBe("status");
  });

  it("names the missing reason or notes", () => {
    const cases = [
      ["reject", "assigned", "expert", "reason"],
      ["resolve", "in_progress", "expert", "notes"],
      ["cancel", "accepted", "agent", "reason"],
      ["escalate", "new", "agent", "reason"],
      ["escalate", "new", "system", "reason"],
    ] as const;
    for (const [action, status, role, field] of cases) {
      const error = refusal(() => decideTransition(ticket(status), { action, actor: rightActor(role), reason: "  ", notes: "" }, NOW));
      expect([error.kind, error.field]).toEqual(["invalid", field]);
    }
  });

  it("a customer cancels without a reason, only before work starts", () => {
    expect(decideTransition(ticket("accepted"), { action: "cancel", actor: rightActor("customer") }, NOW).to).toBe("cancelled");
    expect(refusal(() => decideTransition(ticket("in_progress"), { action: "cancel", actor: rightActor("customer") }, NOW)).kind).toBe("conflict");
  });
});

describe("allowedActions: what a screen offers is what decideTransition accepts", () => {
  const strangers: Actor[] = [
    { kind: "user", userId: "someone-else", role: "expert" },
    { kind: "user", userId: "u-2", role: "customer", customerId: "someone-else" },
  ];
  const actors: Actor[] = [...ROLES.map(rightActor), ...strangers];
  for (const actor of actors) {
    for (const status of STATUSES) {
      for (const resolvedAt of [new Date(NOW.getTime() - 60_000), resolvedLongAgo]) {
        const facts = ticket(status, { resolvedAt });
        const label = `${actor.kind === "system" ? "system" : `${actor.role} ${actor.userId}`} on ${status} (resolved ${resolvedAt === resolvedLongAgo ? "long ago" : "just now"})`;
        it(label, () => {
          const accepted = PERSON_ACTIONS.filter((action) => {
            try {
              decideTransition(facts, { action, actor, ...full }, NOW);
              return true;
            } catch (e) {
              if (e instanceof DomainError) return false;
              throw e;
            }
          });
          expect(allowedActions(facts, actor, NOW)).toEqual(accepted);
        });
      }
    }
  }

  it("offers the assigned expert accept and reject, the owner cancel, an agent cancel and escalate, managers nothing", () => {
    const assigned = ticket("assigned");
    expect(allowedActions(assigned, rightActor("expert"), NOW)).toEqual(["accept", "reject"]);
    expect(allowedActions(assigned, strangers[0]!, NOW)).toEqual([]);
    expect(allowedActions(assigned, rightActor("customer"), NOW)).toEqual(["cancel"]);
    expect(allowedActions(assigned, rightActor("agent"), NOW)).toEqual(["cancel", "escalate"]);
    expect(allowedActions(assigned, rightActor("manager"), NOW)).toEqual([]);
    expect(allowedActions(ticket("in_progress"), rightActor("expert"), NOW)).toEqual(["resolve"]);
    expect(allowedActions(ticket("resolved"), rightActor("customer"), NOW)).toEqual(["confirm", "reopen"]);
    expect(allowedActions(ticket("resolved", { resolvedAt: resolvedLongAgo }), rightActor("customer"), NOW)).toEqual(["confirm"]);
  });
});
