/**
 * Applies one state-machine transition in one transaction: check the machine and the version the caller
 * saw, update the ticket (version + 1), record the transition(s), end the assignment if the transition
 * ends it, issue the survey on resolution, and write `ticket.status_changed` (+ `ticket.assigned`,
 * `survey.created`) to the outbox. After commit, the outbox relay is woken and the SLA timers are (re)set. A refusal throws before
 * anything is written.
 */
import { conflict, notFound } from "@sysops/domain-errors";
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import type { Db } from "../db/client.ts";
import type { Channel } from "../generated/prisma/enums.ts";
import { outboxCommitted } from "@sysops/events/relay-wake";
import { cancelFor, scheduleFor } from "../sla/index.ts";
import { createSurveyFor } from "../surveys/index.ts";
import { recordAssignment, type NewAssignment } from "./assignment-record.ts";
import { decideTransition, type Actor, type TicketAction } from "./state-machine.ts";
import { effectsOf, TIMED_STATUSES } from "./transition-effects.ts";
import { recordStep } from "./transition-record.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

export interface TransitionCommand {
  ticketId: string;
  action: TicketAction;
  expectedVersion: number;
  actor: Actor;
  channel: Channel;
  reason?: string | undefined;
  notes?: string | undefined;
  /** Required for `assign` (the matching job). */
  assignment?: NewAssignment;
}

export interface TransitionDeps {
  db: Db;
  clock: Clock;
  logger?: Logger;
}

const STALE = "This ticket changed since you loaded it; reload and try again";

export async function transitionTicket(deps: TransitionDeps, cmd: TransitionCommand): Promise<TicketView> {
  const now = deps.clock.now();
  const ticket = await deps.db.$transaction(async (tx) => {
    const before = await tx.ticket.findUnique({ where: { id: cmd.ticketId } });
    if (!before) throw notFound("Ticket", cmd.ticketId);
    const rule = decideTransition(before, cmd, now);
    if (before.version !== cmd.expectedVersion) throw conflict(STALE);
    if (cmd.action === "assign" && !cmd.assignment) throw new Error("assign needs the assignment");
    const effects = effectsOf(cmd.action, before, now, cmd.assignment?.expertId);
    const to = effects.then?.to ?? rule.to;

    const updated = await tx.ticket.updateMany({
      where: { id: before.id, version: cmd.expectedVersion },
      data: { status: to, version: { increment: 1 }, ...effects.changes },
    });
    if (updated.count !== 1) throw conflict(STALE);

    if (effects.endAssignment) {
      await tx.assignment.updateMany({
        where: { ticketId: before.id, status: "active" },
        data: { status: effects.endAssignment, endedAt: now, endReason: cmd.reason ?? cmd.notes ?? cmd.action },
      });
    }
    const expertId = cmd.assignment?.expertId ?? before.expertId;
    await recordStep(tx, before, { from: before.status, to: rule.to, actor: cmd.actor, channel: cmd.channel, reason: cmd.reason ?? cmd.notes, expertId, at: now });
    if (effects.then) {
      const system: Actor = { kind: "system", id: "matching" };
      await recordStep(tx, before, { from: rule.to, to: effects.then.to, actor: system, channel: "system", reason: "back to matching", expertId: null, at: now });
    }
    if (cmd.assignment) await recordAssignment(tx, before, cmd.assignment, now);
    if (to === "resolved") await createSurveyFor(tx, { id: before.id, customerId: before.customerId, expertId }, deps.clock);
    return tx.ticket.findUniqueOrThrow({ where: { id: before.id }, select: ticketViewSelect });
  });

  outboxCommitted();
  await resetSlaTimers(ticket, deps.logger);
  return toTicketView(ticket);
}

/** After commit: a failure here must not undo or misreport the transition; the SLA sweep catches up. */
async function resetSlaTimers(ticket: { id: string; status: TicketView["status"]; assignDueAt: Date | null; acceptDueAt: Date | null; resolveDueAt: Date | null }, logger?: Logger) {
  try {
    if (TIMED_STATUSES.includes(ticket.status)) await scheduleFor(ticket);
    else await cancelFor(ticket.id);
  } catch (error) {
    logger?.error({ err: error, ticketId: ticket.id }, "could not reset SLA timers after a transition");
  }
}
