/**
 * Filing with the customer portal's extras against a real database and customer service: the idempotency
 * key (a replay — sequential or concurrent — files one ticket), the chosen category, the preferred window.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alice, bob, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";

let fx: TicketingFixture;
beforeAll(async () => {
  fx = await startTicketingFixture();
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

const input = (who: typeof bob | typeof alice, extra: Record<string, unknown> = {}) => ({
  customerId: who.customer.id,
  productId: who.customer.products[0]!.id,
  description: "The picture is dark",
  serviceAddress: who.customer.defaultAddress,
  channel: "web" as const,
  ...extra,
});

const countFor = (customerId: string) => fx.db.ticket.count({ where: { customerId } });

describe("tickets.create writes one whole ticket", () => {
  it("stores the ticket, its first transition and its ticket.created event, read back through Prisma", async () => {
    const view = await fx.as(bob.caller).tickets.create(input(bob, { idempotencyKey: randomUUID() }));
    const row = await fx.db.ticket.findUniqueOrThrow({ where: { id: view.id }, include: { transitions: true } });
    expect(row).toMatchObject({ status: "new", version: 0, customerName: bob.customer.name, channel: "web", slaBreached: false, expertId: null });
    expect(view.number).toBe(`T-${String(row.number).padStart(6, "0")}`);
    expect(row.assignDueAt!.getTime() - row.createdAt.getTime()).toBe(row.assignTargetMinutes * 60_000);
    expect(row.updatedAt.toISOString()).toBe(view.createdAt);
    expect(row.transitions).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: "new", actorId: bob.caller.userId, actorRole: "customer", channel: "web", at: row.createdAt }),
    ]);
    const events = await fx.db.outboxEvent.findMany({ where: { aggregateId: view.id } });
    expect(events).toEqual([expect.objectContaining({ type: "ticket.created", version: 1, aggregateType: "ticket", publishedAt: null, occurredAt: row.createdAt })]);
    expect(events[0]!.payload).toEqual({
      ticketId: view.id,
      number: row.number,
      customerId: bob.customer.id,
      productCategory: row.productCategory,
      requiredSkillLevel: row.requiredSkillLevel,
      serviceLat: row.serviceLat,
      serviceLon: row.serviceLon,
      planTier: row.planTier,
      channel: "web",
      createdAt: view.createdAt,
    });
  });

  it("refuses a product the customer does not own and writes nothing", async () => {
    const before = await fx.db.outboxEvent.count();
    await expect(fx.as(bob.caller).tickets.create(input(bob, { productId: alice.customer.products[0]!.id }))).rejects.toThrow(/not registered to this customer/);
    expect(await fx.db.outboxEvent.count()).toBe(before);
  });
});

describe("tickets.create with an idempotency key", () => {
  it("returns the same ticket for a replay and files it once", async () => {
    const key = randomUUID();
    const before = await countFor(bob.customer.id);
    const first = await fx.as(bob.caller).tickets.create(input(bob, { idempotencyKey: key }));
    const again = await fx.as(bob.caller).tickets.create(input(bob, { idempotencyKey: key, description: "Changed text is ignored on replay" }));
    expect(again.id).toBe(first.id);
    expect(again.description).toBe("The picture is dark");
    expect(await countFor(bob.customer.id)).toBe(before + 1);
    expect(await fx.db.ticketTransition.count({ where: { ticketId: first.id } })).toBe(1);
  });

  it("files one ticket for concurrent creates with one key (a double click)", async () => {
    const key = randomUUID();
    const before = await countFor(bob.customer.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => fx.as(bob.caller).tickets.create(input(bob, { idempotencyKey: key }))));
    expect(new Set(results.map((t) => t.id)).size).toBe(1);
    expect(await countFor(bob.customer.id)).toBe(before + 1);
  });

  it("keys are per customer: another customer's identical key files their own ticket", async () => {
    const key = randomUUID();
    const bobs = await fx.as(bob.caller).tickets.create(input(bob, { idempotencyKey: key }));
    const alices = await fx.as(alice.caller).tickets.create(input(alice, { idempotencyKey: key }));
    expect(alices.id).not.toBe(bobs.id);
    expect(alices.customerId).toBe(alice.customer.id);
  });

  it("without a key, two creates file two tickets", async () => {
    const before = await countFor(bob.customer.id);
    await fx.as(bob.caller).tickets.create(input(bob));
    await fx.as(bob.caller).tickets.create(input(bob));
    expect(await countFor(bob.customer.id)).toBe(before + 2);
  });
});

describe("tickets.create with category and preferred window", () => {
  it("stores the chosen category (matched under it) and the window, and shows both in the detail", async () => {
    const ticket = await fx.as(bob.caller).tickets.create(
      input(bob, { category: "network", preferredWindowStart: "2026-11-27T08:00:00.000Z", preferredWindowEnd: "2026-11-27T12:00:00.000Z" }),
    );
    const detail = await fx.as(bob.caller).tickets.get({ ticketId: ticket.id });
    expect(detail).toMatchObject({ productCategory: "network", preferredWindowStart: "2026-11-27T08:00:00.000Z", preferredWindowEnd: "2026-11-27T12:00:00.000Z" });
  });

  it("defaults the category to the product's and leaves the window empty", async () => {
    const ticket = await fx.as(bob.caller).tickets.create(input(bob));
    expect(ticket).toMatchObject({ productCategory: bob.customer.products[0]!.category, preferredWindowStart: null, preferredWindowEnd: null });
  });

  it("refuses an unknown category, half a window or a window ending before it starts, and files nothing", async () => {
    const before = await countFor(bob.customer.id);
    await expect(fx.as(bob.caller).tickets.create(input(bob, { category: "spaceship" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(fx.as(bob.caller).tickets.create(input(bob, { preferredWindowStart: "2026-11-27T08:00:00.000Z" }))).rejects.toThrow(/both ends/);
    await expect(
      fx.as(bob.caller).tickets.create(input(bob, { preferredWindowStart: "2026-11-27T12:00:00.000Z", preferredWindowEnd: "2026-11-27T08:00:00.000Z" })),
    ).rejects.toThrow(/end after it starts/);
    expect(await countFor(bob.customer.id)).toBe(before);
  });
});
