/**
 * The expert console on a phone-sized screen (360×740), against the running suite:
 * - a customer's ticket reaches a qualified expert, who accepts, starts and resolves it; the customer's open
 *   ticket page follows every step live (no reload) within a second;
 * - an expert rejects with a reason (required) and matching gives the ticket to another qualified expert;
 * - actions that are not allowed are not offered, and the BFF refuses them when forced; someone else's
 *   ticket does not exist for an expert; a stale page gets "This ticket changed…";
 * - a live page keeps receiving after the 2-minute caller token of its first request expired (the BFF ends
 *   each SSE stream after 100 s; the client reconnects with its last event id through the gateway).
 * Every expert page passes axe (no serious or critical violation).
 *
 * Who gets a ticket is matching's decision: Bob's TV (Basic plan) can only go to Lena; Isabel's mesh router
 * (Basic) to Sam or Kofi — the rejection test needs those two qualified experts.
 */
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { demoCustomers, demoUsers } from "@sysops/demo-data";
import { expectNoSeriousA11yViolations } from "../support/axe.ts";
import { fileTicket } from "../support/file-ticket.ts";
import { assignedExpert, customerStatus, customerTicket, expertNamed, noHorizontalScroll, openAssignment, phonePage, PHONE } from "../support/expert-flow.ts";
import { signIn, signInApi, trpcBody, trpcMutation, trpcQuery, type TicketingOutputs } from "../support/session.ts";
import { cancelOpenTickets } from "../support/open-tickets.ts";

type ExpertTicket = TicketingOutputs["expert"]["ticket"];

// Two browser contexts, axe runs and waits for matching: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });
// Each test needs matching to assign its ticket; start from an empty queue whatever earlier specs left open.
test.beforeEach(({ playwright }) => cancelOpenTickets(playwright));
const bob = demoUsers.customers[1]!;
const bobRecord = demoCustomers.find((c) => c.id === bob.customerId)!;
const isabel = demoUsers.customers[8]!;

/** Files a ticket for the signed-in customer of `request` (their first product in `category`); returns its number. */
async function fileTicketIn(request: APIRequestContext, category: string): Promise<string> {
  return (await fileTicket(request, { category, description: `Expert console e2e: ${category} misbehaves (${Date.now()})` })).number;
}

/** Bob files a TV ticket and opens its page, which shows it assigned; returns his context and page, the number and the expert. */
async function bobWatchesAssignedTvTicket(browser: Browser) {
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, bob.email);
  const number = await fileTicketIn(customer.request, "tv");
  const expert = expertNamed(await assignedExpert(customer.request, number));
  await customer.goto(`/tickets/${number}`);
  await expect(customerStatus(customer, "assigned")).toBeVisible();
  return { customerContext, customer, number, expert };
}

test("an expert accepts, starts and resolves on a phone; the customer's open page follows live", async ({ browser }) => {
  const { customerContext, customer, number, expert } = await bobWatchesAssignedTvTicket(browser);

  const page = await phonePage(browser, expert.email);
  await expect(page.getByRole("heading", { name: "My assignments" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await noHorizontalScroll(page);
  await openAssignment(page, number);
  const contact = page.getByRole("region", { name: "Customer" });
  for (const text of [bobRecord.name, bobRecord.phone, bobRecord.email, bobRecord.defaultAddress]) await expect(contact).toContainText(text);
  await expect(page.getByRole("button", { name: "Accept" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reject…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start work" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resolve…" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await noHorizontalScroll(page);

  // Each step shows on the customer's page within a second of the expert's action returning.
  const step = async (button: string, status: string) => {
    const done = page.waitForResponse((r) => r.url().includes("/api/ticketing/expert.") && r.request().method() === "POST");
    await page.getByRole("button", { name: button }).click();
    expect((await done).status()).toBe(200);
    const t0 = Date.now();
    await expect(customerStatus(customer, status)).toBeVisible({ timeout: 1_000 });
    console.log(`live: ${status} on the customer's page ${Date.now() - t0} ms after the expert's ${button} returned`);
  };
  await step("Accept", "accepted");
  await step("Start work", "in_progress");

  await page.getByRole("button", { name: "Resolve…" }).click();
  await page.getByRole("button", { name: "Resolve ticket" }).click();
  await expect(page.getByText("Describe how you resolved the problem")).toBeVisible();
  await expect(customerStatus(customer, "in_progress")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("How did you resolve the problem?").fill("Reseated the T-con ribbon cable; picture is back.");
  const resolved = page.waitForResponse((r) => r.url().includes("/api/ticketing/expert.resolve"));
  await page.getByRole("button", { name: "Resolve ticket" }).click();
  expect((await resolved).status()).toBe(200);
  const t0 = Date.now();
  await expect(customerStatus(customer, "resolved")).toBeVisible({ timeout: 1_000 });
  console.log(`live: resolved on the customer's page ${Date.now() - t0} ms after the expert's Resolve returned`);
  await expect(page.getByRole("status").filter({ hasText: `Ticket ${number} is resolved` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);
  await customerContext.close();
  await page.context().close();
});

test("an expert rejects with a reason; matching gives the ticket to another qualified expert", async ({ browser, request }) => {
  await signInApi(request, isabel.email);
  const number = await fileTicketIn(request, "network");
  const first = await assignedExpert(request, number);
  expect(["Sam", "Kofi"]).toContain(first);

  const page = await phonePage(browser, expertNamed(first).email);
  await openAssignment(page, number);
  await page.getByRole("button", { name: "Reject…" }).click();
  await page.getByRole("button", { name: "Reject ticket" }).click();
  await expect(page.getByText("Give a reason for rejecting the ticket")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Why are you rejecting this ticket?").fill("The router is on a floor I cannot reach today.");
  await page.getByRole("button", { name: "Reject ticket" }).click();
  await expect(page.getByRole("status").filter({ hasText: `You rejected ticket ${number}` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: number })).toHaveCount(0);

  const second = await assignedExpert(request, number, first);
  expect(second).not.toBe(first);
  expect(["Sam", "Kofi"]).toContain(second);
  const timeline = (await customerTicket(request, number)).timeline.map((e) => e.to);
  expect(timeline).toEqual(["new", "assigned", "rejected", "new", "assigned"]);
  await page.context().close();
});

test("illegal actions are not offered and are refused when forced; someone else's ticket is not found; a stale page is told", async ({ browser, request, playwright }) => {
  await signInApi(request, bob.email);
  const number = await fileTicketIn(request, "tv");
  const expert = expertNamed(await assignedExpert(request, number));
  const { id: ticketId, version } = await customerTicket(request, number);

  const expertApi = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(expertApi, expert.email);
  const detail = (await trpcBody<ExpertTicket>(await trpcQuery(expertApi, "ticketing", "expert.ticket", { ticketId }))).result!.data;
  expect(detail.allowedActions).toEqual(["accept", "reject"]);
  for (const [path, extra] of [["expert.start", {}], ["expert.resolve", { notes: "Forced" }]] as const) {
    const res = await trpcMutation(expertApi, "ticketing", path, { ticketId, expectedVersion: version, ...extra });
    expect(res.status()).toBe(409);
  }
  const otherApi = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(otherApi, demoUsers.experts.find((e) => e.email !== expert.email)!.email);
  expect((await trpcMutation(otherApi, "ticketing", "expert.accept", { ticketId, expectedVersion: version })).status()).toBe(404);
  expect((await trpcQuery(otherApi, "ticketing", "expert.ticket", { ticketId })).status()).toBe(404);

  // A stale page: the expert's phone shows the ticket as assigned (live updates blocked on this page), and
  // the ticket is accepted elsewhere meanwhile (another tab). Accepting again is refused and explained.
  const context = await browser.newContext({ viewport: PHONE });
  await context.route("**/api/ticketing/live.ticketChanges**", (route) => route.abort());
  const page = await context.newPage();
  await signIn(page, expert.email);
  await openAssignment(page, number);
  expect((await trpcMutation(expertApi, "ticketing", "expert.accept", { ticketId, expectedVersion: version })).status()).toBe(200);
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This ticket changed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start work" })).toBeVisible(); // refetched: what is allowed now
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  expect((await customerTicket(request, number)).status).toBe("accepted");
  await Promise.all([expertApi.dispose(), otherApi.dispose(), page.context().close()]);
});

test("a stale page acting on a changed ticket gets 'This ticket changed'", async ({ request, playwright }) => {
  await signInApi(request, bob.email);
  const number = await fileTicketIn(request, "tv");
  const expert = expertNamed(await assignedExpert(request, number));
  const { id: ticketId, version } = await customerTicket(request, number);
  const expertApi = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(expertApi, expert.email);
  expect((await trpcMutation(expertApi, "ticketing", "expert.accept", { ticketId, expectedVersion: version })).status()).toBe(200);
  const stale = await trpcMutation(expertApi, "ticketing", "expert.start", { ticketId, expectedVersion: version });
  expect(stale.status()).toBe(409);
  expect((await trpcBody<never>(stale)).error?.message).toMatch(/^This ticket changed/);
  await expertApi.dispose();
});

test("a live page keeps its updates past the caller token's 2 minutes (streams reopen with the last event id)", async ({ browser, playwright }) => {
  test.setTimeout(240_000);
  const { customerContext, customer, number, expert } = await bobWatchesAssignedTvTicket(browser);
  const { id: ticketId, version } = await customerTicket(customer.request, number);

  await customer.waitForTimeout(130_000);
  const expertApi = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(expertApi, expert.email);
  expect((await trpcMutation(expertApi, "ticketing", "expert.accept", { ticketId, expectedVersion: version })).status()).toBe(200);
  const t0 = Date.now();
  await expect(customerStatus(customer, "accepted")).toBeVisible({ timeout: 1_000 });
  console.log(`live after 130 s: accepted on the customer's page ${Date.now() - t0} ms after the accept returned`);
  await Promise.all([expertApi.dispose(), customerContext.close()]);
});
