import { demoCustomers } from "./customers.ts";
import { demoId } from "./ids.ts";
import { demoUsers } from "./users.ts";

export type DemoTicketStatus = "new" | "assigned" | "accepted" | "in_progress" | "resolved" | "closed" | "rejected" | "cancelled" | "escalated";

export interface DemoTransition {
  toStatus: DemoTicketStatus;
  actorId: string;
  actorRole: string;
  at: string;
}

export interface DemoTicket {
  id: string;
  customerId: string;
  productId: string;
  description: string;
  serviceAddress: string;
  channel: "web" | "phone";
  createdAt: string;
  /** First entry is the creation (`new`); the ticket's status is the last entry's. */
  history: DemoTransition[];
}

/** The matching job acts as this actor; it is not a person. */
export const MATCHING_ACTOR = { actorId: "matching", actorRole: "system" } as const;

const LIFECYCLE: DemoTicketStatus[] = ["new", "assigned", "accepted", "in_progress", "resolved", "closed"];

let ticketNo = 0;
function ticket(customerIndex: number, productIndex: number, description: string, channel: "web" | "phone", createdAt: string, steps: number): DemoTicket {
  const customer = demoCustomers[customerIndex];
  const product = customer?.products[productIndex];
  if (!customer || !product) throw new Error(`demo ticket refers to a missing customer/product ${customerIndex}/${productIndex}`);
  const creator = channel === "web" ? demoUsers.customers[customerIndex] : demoUsers.agents[0];
  const start = Date.parse(createdAt);
  const history = LIFECYCLE.slice(0, steps).map((toStatus, i) => {
    const actor = i === 0 ? { actorId: creator?.id ?? "", actorRole: creator?.role ?? "" } : i === 1 ? MATCHING_ACTOR : { actorId: demoUsers.experts[0]?.id ?? "", actorRole: "expert" };
    return { toStatus, ...actor, at: new Date(start + i * 3_600_000).toISOString() };
  });
  return { id: demoId("ticket", ++ticketNo), customerId: customer.id, productId: product.id, description, serviceAddress: customer.defaultAddress, channel, createdAt, history };
}

export const demoTickets: DemoTicket[] = [
  ticket(0, 0, "Laptop does not boot past the logo after the latest update.", "web", "2026-11-02T09:15:00.000Z", 6),
  ticket(1, 0, "TV has no picture, sound works.", "phone", "2026-11-10T14:30:00.000Z", 5),
  ticket(2, 1, "Printer jams on every second page.", "web", "2026-11-15T08:05:00.000Z", 4),
  ticket(3, 0, "Phone screen flickers and the touch input lags.", "web", "2026-11-18T17:45:00.000Z", 3),
  ticket(4, 1, "OLED TV shows a persistent green line.", "phone", "2026-11-20T10:00:00.000Z", 2),
  ticket(6, 0, "Soundbar drops the Wi-Fi connection every evening.", "web", "2026-11-22T19:20:00.000Z", 1),
  ticket(8, 0, "Mesh network nodes keep losing each other.", "web", "2026-11-23T07:50:00.000Z", 1),
  ticket(9, 0, "Phone will not charge with any cable.", "phone", "2026-11-24T12:10:00.000Z", 1),
];

export const statusOf = (t: DemoTicket): DemoTicketStatus => t.history.at(-1)?.toStatus ?? "new";
