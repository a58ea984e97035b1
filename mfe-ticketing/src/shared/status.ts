/** How a ticket status reads and looks on every console (badge, timeline). */
import type { MantineColor } from "@sysops/design-system";
import type { TicketStatus } from "@sysops/bff-ticketing/ticket-dto";

export const STATUS_LABEL: Record<TicketStatus, string> = {
  new: "New",
  assigned: "Assigned",
  accepted: "Accepted",
  rejected: "Rejected",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
  escalated: "Escalated",
};

/** Colours whose white text reaches 4.5:1 (axe colour-contrast); green/orange/cyan shades do not, even at 9. */
export const STATUS_COLOR: Record<TicketStatus, MantineColor> = {
  new: "gray.7",
  assigned: "blue.8",
  accepted: "indigo.8",
  rejected: "#a34700",
  in_progress: "cyan.9",
  resolved: "teal.9",
  closed: "dark.6",
  cancelled: "red.9",
  escalated: "grape.9",
};

/** What the timeline says about a step: the status reached, told by where it came from and who moved it. */
export function timelineTitle(from: TicketStatus | null, to: TicketStatus, actorRole: string): string {
  switch (to) {
    case "new":
      return from === null ? "Filed" : from === "resolved" ? "Reopened" : "Back in the queue";
    case "assigned":
      return "Expert assigned";
    case "accepted":
      return "Expert accepted";
    case "rejected":
      return "Expert declined";
    case "in_progress":
      return "Work started";
    case "resolved":
      return "Resolved";
    case "closed":
      return actorRole === "system" ? "Closed automatically" : "Closed";
    case "cancelled":
      return "Cancelled";
    case "escalated":
      return "Escalated";
  }
}

const ROLE_LABEL: Record<string, string> = { customer: "the customer", agent: "the help desk", expert: "the expert", system: "Sysops Squad", manager: "a manager", admin: "an admin" };
export const actorLabel = (role: string): string => ROLE_LABEL[role] ?? role;
