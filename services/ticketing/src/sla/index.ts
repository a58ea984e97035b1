/**
 * SLA timer hooks that ticket transitions call after commit. Placeholder bodies (no-ops) until the SLA
 * module (BullMQ timers, helper 8) replaces them; the signatures are the contract and stay.
 */
export interface SlaTicket {
  id: string;
  status: string;
  assignDueAt: Date | null;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
}

/** (Re)schedules the warning/breach timers for the target the ticket's status is running against. */
export async function scheduleFor(ticket: SlaTicket): Promise<void> {
  void ticket;
}

/** Cancels every pending timer of the ticket (it reached a status with no running target). */
export async function cancelFor(ticketId: string): Promise<void> {
  void ticketId;
}
