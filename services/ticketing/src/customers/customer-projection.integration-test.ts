/**
 * Ticketing's customer projection against a real database and the real customer service: the customer
 * service publishes every profile once at seed; applied to the projection, filing snapshots from it and
 * keeps working with the customer service stopped; an older event never overwrites a newer one; a customer
 * or product the projection lacks is asked of the customer service.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCustomers } from "@sysops/demo-data";
import type { EventOfType } from "@sysops/events/catalog";
import * as customerService from "@sysops/svc-customer/lifecycle";
import { alice, bob, publishedProfiles, startTicketingFixture, type TicketingFixture } from "../test-fixture.ts";
import { upsertCustomerProjection } from "./customer-projection.ts";

type ProfileChanged = EventOfType<"customer.profile_changed">;

let fx: TicketingFixture;
beforeAll(async () => {
  fx = await startTicketingFixture();
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

const apply = (event: ProfileChanged) => fx.db.$transaction((tx) => upsertCustomerProjection(tx, event));
const withPayload = (event: ProfileChanged, payload: Partial<ProfileChanged["payload"]>): ProfileChanged => ({ ...event, id: randomUUID(), payload: { ...event.payload, ...payload } });

describe("customer projection", () => {
  it("the customer service publishes each customer's profile once, with plan and products", async () => {
    const events = await publishedProfiles(fx.db);
    expect(events).toHaveLength(demoCustomers.length);
    const bobs = events.find((e) => e.payload.customerId === bob.customer.id)!;
    expect(bobs.payload).toMatchObject({ name: bob.customer.name, plan: { name: "Basic" }, products: bob.customer.products.map((p) => ({ id: p.id, name: p.name, category: p.category })) });
    await customerService.seedDemo(fx.testDb.url);
    expect(await publishedProfiles(fx.db)).toHaveLength(demoCustomers.length);
  });

  it("keeps the newest profile: an older event arriving later changes nothing", async () => {
    const bobs = (await publishedProfiles(fx.db)).find((e) => e.payload.customerId === bob.customer.id)!;
    await apply(bobs);
    const later = new Date(Date.parse(bobs.payload.changedAt) + 60_000).toISOString();
    await apply(withPayload(bobs, { name: "Bob Renamed", changedAt: later }));
    await apply(withPayload(bobs, { name: "Bob Stale" }));
    expect((await fx.db.customerProjection.findUniqueOrThrow({ where: { customerId: bob.customer.id } })).name).toBe("Bob Renamed");
    await apply(withPayload(bobs, { name: bob.customer.name, changedAt: new Date(Date.parse(later) + 1).toISOString() }));
  });

  it("filing snapshots the projection, and still works with the customer service stopped", async () => {
    for (const event of await publishedProfiles(fx.db)) await apply(event);
    const plan = (await fx.db.customerProjection.findUniqueOrThrow({ where: { customerId: alice.customer.id } }));
    // A projection-only value shows the snapshot came from the projection, not from the customer service.
    await fx.db.customerProjection.update({ where: { customerId: alice.customer.id }, data: { assignTargetMinutes: 17 } });
    await fx.stopCustomerService();
    const ticket = await fx.fileTicket(alice);
    const row = await fx.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ customerName: alice.customer.name, planTier: String(plan.planTier), requiredSkillLevel: plan.requiredSkillLevel, assignTargetMinutes: 17 });
    // Bob's TV filed as Alice's: the projection does not have it, and the customer service cannot be asked.
    await expect(fx.as(alice.caller).tickets.create({
      customerId: alice.customer.id, productId: bob.customer.products[0]!.id, description: "Not mine", serviceAddress: alice.customer.defaultAddress, channel: "web",
    })).rejects.toThrow();
    expect(await fx.db.ticket.count({ where: { customerId: alice.customer.id, description: "Not mine" } })).toBe(0);
  });
});
