/**
 * One procedure per state-machine action a person takes. The input names the version the caller saw
 * (`expectedVersion`); the state machine decides the rest (see tickets/state-machine.ts).
 */
import { z } from "zod";
import type { Caller } from "@sysops/internal-auth";
import { actorOf, type TicketAction } from "../tickets/state-machine.ts";
import { transitionTicket } from "../tickets/transition-ticket.ts";
import { requireRole, type Allowed } from "./trpc.ts";

export const transitionInput = z.object({
  ticketId: z.uuid("Not a ticket id"),
  expectedVersion: z.number().int().min(0),
  reason: z.string().trim().max(2000, "Keep the reason under 2000 characters").optional(),
  notes: z.string().trim().max(4000, "Keep the notes under 4000 characters").optional(),
});

/** Agents act for a caller on the phone; customers and experts act in their web portals. */
const channelOf = (caller: Caller) => (caller.kind === "user" && caller.role === "agent" ? "phone" : "web");

function transitionProcedure<const A extends Exclude<Allowed, "service">>(action: TicketAction, ...roles: A[]) {
  return requireRole(...roles)
    .input(transitionInput)
    .mutation(({ ctx, input }) =>
      transitionTicket(
        { db: ctx.db, clock: ctx.clock },
        { ...input, action, actor: actorOf(ctx.caller), channel: channelOf(ctx.caller) },
      ),
    );
}

export const transitionProcedures = {
  accept: transitionProcedure("accept", "expert"),
  reject: transitionProcedure("reject", "expert"),
  start: transitionProcedure("start", "expert"),
  resolve: transitionProcedure("resolve", "expert"),
  cancel: transitionProcedure("cancel", "customer", "agent"),
  confirm: transitionProcedure("confirm", "customer"),
  reopen: transitionProcedure("reopen", "customer"),
  escalate: transitionProcedure("escalate", "agent"),
};
