/**
 * Group commit of filings (ticket-filing-queue.ts) against a real database and customer service: filings
 * that arrive together are written by one statement (they share a transaction id), and each still gets its
 * own answer: the ticket, the existing ticket for a used idempotency key, or its own refusal.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCustomerProjection } from "../customers/customer-projection.ts";
import { alice, bob, publishedProfiles, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";

let fx: TicketingFixture;
beforeAll(async () => {
  fx = await startTicketingFixture();
  // Alice is in ticketing's projection (filed from it); Bob is not (filed through the customer service).
  const alices = (await publishedProfiles(fx.db)).find((e) => e.payload.customerId === alice.customer.id)!;
  await fx.db.$transaction((tx) => upsertCustomerProjection(tx, alices));
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

const file = (who: typeof bob | typeof alice, extra: Record<string, unknown> = {}) =>
  fx.as(who.caller).tickets.create({
    customerId: who.customer.id,
    productId: who.customer.products[0]!.id,
    description: "The picture is dark",
    serviceAddress: who.customer.defaultAddress,
    channel: "web",
    ...extra,
  });

/** How many transactions wrote these tickets (rows one transaction inserted share its `xmin`). */
async function transactionsThatWrote(ids: string[]): Promise<number> {
  const [{ n }] = await fx.db.$queryRaw<[{ n: number }]>`SELECT count(DISTINCT xmin::text)::int AS n FROM ticketing."Ticket" WHERE id = ANY(${ids}::uuid[])`;
  return n;
}

/** The ticket with its transitions and events, read back through Prisma. */
const stored = async (id: string) => ({
  ticket: await fx.db.ticket.findUnique({ where: { id }, include: { transitions: true } }),
  events: await fx.db.outboxEvent.findMany({ where: { aggregateId: id } }),
});

describe("filings that arrive together", () => {
  it("are written together, and each gets its own answer", async () => {
    const key = randomUUID();
    const [fromProjection, viaCustomerService, notOwned, doubleClick] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, (_, i) => file(alice, { description: `Alice ${i}` }))),
      Promise.all(Array.from({ length: 3 }, (_, i) => file(bob, { description: `Bob ${i}` }))),
      file(alice, { productId: bob.customer.products[0]!.id, description: "Not mine" }).then(
        () => null,
        (error: Error) => error,
      ),
      Promise.all([file(alice, { idempotencyKey: key, description: "Clicked" }), file(alice, { idempotencyKey: key, description: "Clicked twice" })]),
    ]);

    expect(fromProjection.map((t) => t.description)).toEqual(["Alice 0", "Alice 1", "Alice 2", "Alice 3", "Alice 4", "Alice 5"]);
    expect(viaCustomerService.map((t) => [t.customerId, t.customerName])).toEqual(Array(3).fill([bob.customer.id, bob.customer.name]));
    const filed = [...fromProjection, ...viaCustomerService];
    expect(new Set(filed.map((t) => t.number)).size).toBe(filed.length);
    expect(await transactionsThatWrote(fromProjection.map((t) => t.id))).toBe(1);
    for (const t of filed) {
      const { ticket, events } = await stored(t.id);
      expect(ticket?.transitions).toHaveLength(1);
      expect(events.map((e) => e.type)).toEqual(["ticket.created"]);
    }

    expect(notOwned?.message).toMatch(/not registered to this customer/);
    expect(await fx.db.ticket.count({ where: { description: "Not mine" } })).toBe(0);

    expect(doubleClick[1].id).toBe(doubleClick[0].id);
    expect(doubleClick[0].description).toBe("Clicked");
    expect(await fx.db.ticket.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("more of them than one statement takes are all filed, each once", async () => {
    const tickets = await Promise.all(Array.from({ length: 150 }, (_, i) => file(alice, { description: `Burst ${i}` })));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(150);
    const transactions = await transactionsThatWrote(tickets.map((t) => t.id));
    expect(transactions).toBeGreaterThan(1);
    expect(transactions).toBeLessThan(150);
    const [{ transitions, events }] = await fx.db.$queryRaw<[{ transitions: number; events: number }]>`
      SELECT (SELECT count(*)::int FROM ticketing."TicketTransition" WHERE "ticketId" = ANY(${tickets.map((t) => t.id)}::uuid[])) AS transitions,
             (SELECT count(*)::int FROM ticketing."OutboxEvent" WHERE "aggregateId" = ANY(${tickets.map((t) => t.id)}::uuid[])) AS events`;
    expect({ transitions, events }).toEqual({ transitions: 150, events: 150 });
  });

  it("a row PostgreSQL refuses fails only its own filing; the rest of its batch is filed", async () => {
    await fx.db.$executeRawUnsafe(`
      CREATE FUNCTION ticketing.refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description = 'Refuse me' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$`);
    await fx.db.$executeRawUnsafe(`CREATE TRIGGER refuse_marked BEFORE INSERT ON ticketing."Ticket" FOR EACH ROW EXECUTE FUNCTION ticketing.refuse_marked()`);
    try {
      const outcomes = await Promise.allSettled(["Fine 1", "Refuse me", "Fine 2", "Fine 3"].map((description) => file(alice, { description })));
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
      expect(((outcomes[1] as PromiseRejectedResult).reason as Error).message).toMatch(/refused by the test trigger/);
      expect(await fx.db.ticket.count({ where: { description: "Refuse me" } })).toBe(0);
      for (const o of outcomes) {
        if (o.status !== "fulfilled") continue;
        const { ticket, events } = await stored(o.value.id);
        expect(ticket?.transitions).toHaveLength(1);
        expect(events).toHaveLength(1);
      }
    } finally {
      await fx.db.$executeRawUnsafe(`DROP TRIGGER refuse_marked ON ticketing."Ticket"`);
    }
  });
});
