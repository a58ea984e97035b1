import { invalid } from "@sysops/domain-errors";
import type { UserCaller } from "@sysops/internal-auth";
import type { Clock } from "@sysops/events/clock";
import type { CustomerDirectory } from "../customers/customer-directory.ts";
import type { ProjectedFiling } from "../customers/customer-projection.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { TICKET_NUMBER_SEQUENCE, type Db } from "../db/client.ts";
import { assertMayFileTicket } from "./access.ts";
import type { CreateTicketInput } from "./ticket-input.ts";
import { createFilingQueue } from "./ticket-filing-queue.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

/**
 * Files a ticket. The ticket, its first transition and its `ticket.created` event commit in one
 * transaction: once this returns, the ticket cannot be lost and matching will hear about it.
 *
 * The plan (required skill level, SLA targets) and the service location are snapshotted from the customer
 * record: ticketing's projection of it, else the customer service (customers/customer-projection.ts).
 * Decision: the location is the customer's registered (geocoded) address; the free-text `serviceAddress`
 * is shown to the expert but not geocoded, so matching never depends on a geocoder.
 * `productCategory` holds the category the ticket is handled and matched under: the one the customer chose
 * for the problem, by default the product's own. Filings that arrive together are written together
 * (ticket-filing-queue.ts); each caller's answer still waits for its own ticket's commit.
 */
export async function createTicket(db: Db, customers: CustomerDirectory, caller: UserCaller, input: CreateTicketInput, clock: Clock): Promise<TicketView> {
  assertMayFileTicket(caller, input.customerId, input.channel);
  return filingQueueOf(db)({ caller, input, now: clock.now(), customers });
}

/**
 * One filing queue per database (ticket-filing-queue.ts): every request of a process shares it, so filings
 * that arrive together are written together. Keyed by the Db so tests with their own database get their own.
 */
const queues = new WeakMap<Db, ReturnType<typeof createFilingQueue>>();
function filingQueueOf(db: Db) {
  let queue = queues.get(db);
  if (!queue) {
    queue = createFilingQueue(db, (filing) => askCustomerService(db, filing.customers, filing.input), (input) => ticketForKey(db, input));
    queues.set(db, queue);
  }
  return queue;
}

/**
 * Idempotency: a create carrying a key the customer already used returns that ticket instead of filing a
 * second one. The key is unique per customer, so one customer's key never reveals another customer's ticket.
 */
async function ticketForKey(db: Db, input: CreateTicketInput): Promise<TicketView | null> {
  if (!input.idempotencyKey) return null;
  const row = await db.ticket.findUnique({
    where: { customerId_idempotencyKey: { customerId: input.customerId, idempotencyKey: input.idempotencyKey } },
    select: ticketViewSelect,
  });
  return row ? toTicketView(row) : null;
}

/** The filing facts from their owner when the projection lacks them (customers/customer-projection.ts), and a number. */
async function askCustomerService(db: Db, customers: CustomerDirectory, input: CreateTicketInput): Promise<ProjectedFiling> {
  const facts = await customers.filingFacts(input.customerId, input.productId);
  if (!facts?.product) throw invalid("productId", `Product ${input.productId} is not registered to this customer`);
  const [{ number }] = (await db.sql.query<{ number: number }>(Prisma.sql`SELECT nextval(${TICKET_NUMBER_SEQUENCE})::int AS number`)) as [{ number: number }];
  return { facts: { customer: facts.customer, product: facts.product }, number };
}
