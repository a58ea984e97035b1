import { createServer } from "node:net";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { demoCustomers, demoTickets, demoUsers } from "@sysops/demo-data";
import { systemClock } from "@sysops/events/clock";
import { createTestDatabase, type TestDatabase } from "@sysops/db/test-database";
import { CALLER_HEADER, signCaller, type Caller, type UserCaller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import * as customerService from "@sysops/svc-customer/lifecycle";
import { startCustomerServer } from "@sysops/svc-customer/server";
import type { RunningServer } from "@sysops/trpc-server/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client.ts";
import { migrate, seedDemo } from "../db/lifecycle.ts";
import { customerDirectoryAt, startTicketingServer } from "../server.ts";
import { ticketingRouter, type TicketingRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

const SECRET = "integration-test-secret-0123456789abcdef";
const logger = createLogger("test", "silent");

let testDb: TestDatabase;
let db: Db;
let customerServer: RunningServer;
let ticketingServer: RunningServer;
const createCaller = createCallerFactory(ticketingRouter);
let as: (caller: Caller | null) => ReturnType<typeof createCaller>;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

const customerCaller = (i: number): UserCaller => {
  const u = demoUsers.customers[i]!;
  return { kind: "user", userId: u.id, role: "customer", name: u.name, customerId: u.customerId };
};
const staffCaller = (u: { id: string; name: string }, role: "agent" | "manager" | "admin"): UserCaller => ({ kind: "user", userId: u.id, role, name: u.name });
const alice = customerCaller(0);
const bob = customerCaller(1);
const agent = staffCaller(demoUsers.agents[0]!, "agent");
const manager = staffCaller(demoUsers.manager, "manager");
const bobCustomer = demoCustomers[1]!;
const aliceCustomer = demoCustomers[0]!;

const newTicket = (over: Partial<{ customerId: string; productId: string; description: string; serviceAddress: string; channel: "web" | "phone" }> = {}) => ({
  customerId: bobCustomer.id,
  productId: bobCustomer.products[0]!.id,
  description: "  The TV turns itself off after ten minutes. ",
  serviceAddress: bobCustomer.defaultAddress,
  channel: "web" as const,
  ...over,
});

const count = async (table: "Ticket" | "TicketTransition" | "OutboxEvent") =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "ticketing"."${table}"`))[0]!.n;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await customerService.migrate(testDb.url);
  await customerService.seedDemo(testDb.url);
  await migrate(testDb.url);
  expect(await seedDemo(testDb.url)).toEqual({ seeded: true });
  customerServer = await startCustomerServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: SECRET, logger });
  ticketingServer = await startTicketingServer({ databaseUrl: testDb.url, port: await freePort(), internalSecret: SECRET, customerServiceUrl: customerServer.url, logger });
  db = createDb(testDb.url);
  const customers = customerDirectoryAt(customerServer.url, SECRET);
  as = (caller) => createCaller(createContextInner({ caller, db, customers, clock: systemClock }));
});
afterAll(async () => {
  await ticketingServer?.close();
  await customerServer?.close();
  await db?.$disconnect();
  await testDb?.drop();
});

describe("tickets.create", () => {
  it("persists the ticket, its first transition and its outbox event", async () => {
    const ticket = await as(bob).tickets.create(newTicket());
    expect(ticket).toMatchObject({
      status: "new",
      customerId: bobCustomer.id,
      customerName: bobCustomer.name,
      productName: bobCustomer.products[0]!.name,
      productCategory: "tv",
      description: "The TV turns itself off after ten minutes.",
      channel: "web",
    });
    expect(ticket.number).toMatch(/^T-\d{6}$/);
    const transitions = await db.ticketTransition.findMany({ where: { ticketId: ticket.id } });
    expect(transitions).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "new", actorId: bob.userId, actorRole: "customer", channel: "web" })]);
    const events = await db.outboxEvent.findMany({ where: { aggregateId: ticket.id } });
    expect(events).toEqual([expect.objectContaining({ type: "ticket.created", version: 1, publishedAt: null })]);
    // v1 payload: the plan and the customer's registered location are snapshotted for matching.
    expect(events[0]!.payload).toMatchObject({
      ticketId: ticket.id,
      number: Number(ticket.number.slice(2)),
      productCategory: "tv",
      requiredSkillLevel: 2,
      serviceLat: bobCustomer.addressLat,
      serviceLon: bobCustomer.addressLon,
      planTier: "1",
    });
  });

  it("lets an agent file by phone for a caller, not on the web", async () => {
    await expect(as(agent).tickets.create(newTicket({ channel: "phone" }))).resolves.toMatchObject({ channel: "phone", customerId: bobCustomer.id });
    await expect(as(agent).tickets.create(newTicket({ channel: "web" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a product the customer does not own, a blank description, and others' customer ids", async () => {
    const before = await count("Ticket");
    await expect(as(bob).tickets.create(newTicket({ productId: aliceCustomer.products[0]!.id }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(bob).tickets.create(newTicket({ description: "   " }))).rejects.toThrow(/Describe the problem/);
    await expect(as(bob).tickets.create(newTicket({ customerId: aliceCustomer.id, productId: aliceCustomer.products[0]!.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(manager).tickets.create(newTicket({ channel: "phone" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await count("Ticket")).toBe(before);
  });

  it("leaves nothing behind when the outbox insert fails", async () => {
    const before = await Promise.all([count("Ticket"), count("TicketTransition"), count("OutboxEvent")]);
    await db.$executeRawUnsafe(`CREATE FUNCTION "ticketing".fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_outbox BEFORE INSERT ON "ticketing"."OutboxEvent" FOR EACH ROW EXECUTE FUNCTION "ticketing".fail_outbox()`);
    try {
      await expect(as(bob).tickets.create(newTicket())).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_outbox ON "ticketing"."OutboxEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "ticketing".fail_outbox()`);
    }
    expect(await Promise.all([count("Ticket"), count("TicketTransition"), count("OutboxEvent")])).toEqual(before);
  });
});

describe("reading tickets", () => {
  const aliceTicket = demoTickets.find((t) => t.customerId === aliceCustomer.id)!;

  it("hides another customer's ticket and ticket list (NOT_FOUND naming the id)", async () => {
    await expect(as(bob).tickets.get({ ticketId: aliceTicket.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: `Ticket ${aliceTicket.id} not found` });
    await expect(as(bob).tickets.listForCustomer({ customerId: aliceCustomer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(alice).tickets.get({ ticketId: aliceTicket.id })).resolves.toMatchObject({ id: aliceTicket.id, status: "closed" });
    await expect(as(agent).tickets.get({ ticketId: aliceTicket.id })).resolves.toMatchObject({ id: aliceTicket.id });
  });

  it("lists a customer's tickets newest first", async () => {
    const list = await as(bob).tickets.listForCustomer({ customerId: bobCustomer.id });
    expect(list.length).toBeGreaterThanOrEqual(2);
    const times = list.map((t) => t.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(list.map((t) => t.customerId))).toEqual(new Set([bobCustomer.id]));
  });

  it("searches by ticket number or customer name", async () => {
    const [byDisplay, byDigits] = await Promise.all([as(agent).tickets.search({ query: "T-000001" }), as(agent).tickets.search({ query: "1" })]);
    expect(byDisplay.map((t) => t.number)).toEqual(["T-000001"]);
    expect(byDigits).toEqual(byDisplay);
    const byName = await as(agent).tickets.search({ query: "nguyen" });
    expect(byName.length).toBeGreaterThan(0);
    expect(new Set(byName.map((t) => t.customerName))).toEqual(new Set([bobCustomer.name]));
    expect(await as(agent).tickets.search({ query: "nguyen", limit: 1 })).toHaveLength(1);
    await expect(as(bob).tickets.search({ query: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("counts tickets by status for managers", async () => {
    const counts = await as(manager).tickets.countsByStatus();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(await count("Ticket"));
    expect(counts).toMatchObject({ closed: 1, resolved: 1, escalated: 0 });
    await expect(as(agent).tickets.countsByStatus()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("over HTTP", () => {
  const clientFor = (caller: Caller | null) =>
    createTRPCClient<TicketingRouter>({
      links: [httpLink({ url: ticketingServer.url, headers: async () => (caller ? { [CALLER_HEADER]: await signCaller(caller, SECRET) } : {}) })],
    });

  it("files a ticket with the customer's own token forwarded to the customer service", async () => {
    const ticket = await clientFor(bob).tickets.create.mutate(newTicket({ description: "Over HTTP" }));
    expect(ticket).toMatchObject({ customerName: bobCustomer.name, description: "Over HTTP" });
  });

  it("names the product field when the product is not the customer's", async () => {
    const error = await clientFor(bob).tickets.create.mutate(newTicket({ productId: aliceCustomer.products[0]!.id })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<TicketingRouter>).data).toMatchObject({ httpStatus: 400, fieldErrors: { productId: [expect.stringContaining("not registered")] } });
  });

  it("rejects a request without a caller token", async () => {
    await expect(clientFor(null).tickets.get.query({ ticketId: demoTickets[0]!.id })).rejects.toMatchObject({ data: { httpStatus: 401 } });
  });
});
