/** What a transition hands to `scheduleFor` (the SLA module re-reads the rest from the database). */
export interface SlaTicket {
  id: string;
  status: string;
  assignDueAt: Date | null;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
}
