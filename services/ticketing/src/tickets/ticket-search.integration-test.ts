/** tickets.searchAll against real PostgreSQL: every filter, SLA states by the clock, keyset pages, bad input. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentCaller, alice, bob, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";
import type { TicketView } from "./ticket-view.ts";

let fx: TicketingFixture;
/** Filed one minute apart, oldest first: 3 of Bob's (tv), 3 of Alice's (laptop, audio, laptop). */
const filed: TicketView[] = [];

beforeAll(async () => {
  fx = await startTicketingFixture();
  for (const [who, product] of [[bob, 0], [alice, 0], [bob, 0], [alice, 1], [bob, 0], [alice, 0]] as const) {
    filed.push(await fx.fileTicket(who, product));
    fx.clock.advance(60_000);
  }
}, 60_000);
afterAll(() => fx?.close());

const search = (input: Parameters<ReturnType<TicketingFixture["as"]>["tickets"]["searchAll"]>[0]) => fx.as(agentCaller).tickets.searchAll(input);
const numbers = (page: { items: { number: string }[] }) => page.items.map((t) => t.number);
const newestFirst = () => [...filed].reverse().map((t) => t.number);

describe("tickets.searchAll", () => {
  it("pages newest first with a cursor until the last page", async () => {
    const first = await search({ limit: 4 });
    expect(numbers(first)).toEqual(newestFirst().slice(0, 4));
    expect(first.nextCursor).not.toBeNull();
    const second = await search({ limit: 4, after: first.nextCursor! });
    expect(numbers(second)).toEqual(newestFirst().slice(4));
    expect(second.nextCursor).toBeNull();
  });

  it("keeps the order for tickets created in the same millisecond (number breaks the tie)", async () => {
    const same = new Date("2026-01-01T00:00:00.000Z");
    await fx.db.ticket.updateMany({ where: { id: { in: [filed[0]!.id, filed[1]!.id] } }, data: { createdAt: same } });
    try {
      const to = same.toISOString();
      const one = await search({ createdTo: to, limit: 1 });
      const two = await search({ createdTo: to, limit: 1, after: one.nextCursor! });
      expect([...numbers(one), ...numbers(two)]).toEqual([filed[1]!.number, filed[0]!.number]);
    } finally {
      await fx.db.ticket.update({ where: { id: filed[0]!.id }, data: { createdAt: new Date(filed[0]!.createdAt) } });
      await fx.db.ticket.update({ where: { id: filed[1]!.id }, data: { createdAt: new Date(filed[1]!.createdAt) } });
    }
  });

  it("filters by product category, status and creation time", async () => {
    expect(numbers(await search({ productCategory: "tv" }))).toEqual([filed[4]!, filed[2]!, filed[0]!].map((t) => t.number));
    await fx.db.ticket.update({ where: { id: filed[3]!.id }, data: { status: "cancelled" } });
    expect(numbers(await search({ status: "cancelled" }))).toEqual([filed[3]!.number]);
    const window = await search({ createdFrom: filed[1]!.createdAt, createdTo: filed[2]!.createdAt });
    expect(numbers(window)).toEqual([filed[2]!.number, filed[1]!.number]);
  });

  it("finds by ticket number or part of the customer's name", async () => {
    expect(numbers(await search({ text: filed[2]!.number }))).toEqual([filed[2]!.number]);
    const byName = await search({ text: "NGUY" });
    expect(new Set(byName.items.map((t) => t.customerName))).toEqual(new Set([bob.customer.name]));
    expect(byName.items).toHaveLength(3);
    expect((await search({ text: "100%_" })).items).toEqual([]);
  });

  it("derives the SLA state from the running target: warning after 80 % of it, breached past due or once marked", async () => {
    // All open tickets are `new`, so the assign target runs. Bob (Basic) has hours, Alice (Premier) 30 minutes.
    // Move the clock just past the warning time of Bob's oldest: Alice's open tickets are past due by then.
    const oldest = await fx.db.ticket.findUniqueOrThrow({ where: { id: filed[0]!.id } });
    const warnAt = oldest.assignDueAt!.getTime() - oldest.assignTargetMinutes * 60_000 * 0.2;
    const saved = fx.clock.now();
    fx.clock.set(new Date(warnAt + 1_000));
    await fx.db.ticket.update({ where: { id: filed[4]!.id }, data: { slaBreached: true } }); // marked by a breach firing
    try {
      const byState = async (sla: "ok" | "warning" | "breached") => {
        const page = await search({ sla });
        expect(page.items.every((t) => t.slaState === sla)).toBe(true);
        return numbers(page);
      };
      expect(await byState("warning")).toEqual([filed[0]!.number]);
      // filed[5] and filed[1]: Alice's, past due; filed[4]: marked; filed[3] is cancelled (no target runs).
      expect(await byState("breached")).toEqual([filed[5]!, filed[4]!, filed[1]!].map((t) => t.number));
      expect(await byState("ok")).toEqual([filed[3]!, filed[2]!].map((t) => t.number));
    } finally {
      fx.clock.set(saved);
      await fx.db.ticket.update({ where: { id: filed[4]!.id }, data: { slaBreached: false } });
    }
  });

  it("refuses bad input with the field named, and customers and experts altogether", async () => {
    await expect(search({ after: "x' OR 1=1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(search({ createdFrom: "2026-02-01T00:00:00Z", createdTo: "2026-01-01T00:00:00Z" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(search({ text: "a" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(fx.as(bob.caller).tickets.searchAll({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
