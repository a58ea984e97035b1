/**
 * Issue 4, item 6: one story across the consoles, in three browser contexts against the running suite.
 * 1. Bob (customer) files a ticket about his TV through the portal form and keeps its page open.
 * 2. Matching gives it to the one qualified expert (Bob's TV, Basic plan: only Lena — read from the ticket,
 *    as expert-console.e2e.ts does); she accepts it on a 360×740 phone. Bob's open page shows "accepted"
 *    live (no reload) within 2 s, then "in progress" and "resolved" as she starts and resolves with notes.
 * 3. Bob answers the survey on the ticket page (1–5 + comment); the form is then gone and a forced second
 *    answer is refused; he confirms the fix.
 * 4. Priya (helpdesk agent) finds a caller by the phone number they read out, files a ticket for them by
 *    phone and finds it in the ticket search.
 * axe runs on the pages the per-console specs do not check: the ticket page with its survey form open and
 * after confirming, and the search filtered to one ticket number.
 */
import { expect, test, type Page } from "@playwright/test";
import { demoCustomers, demoUsers } from "@sysops/demo-data";
import { expectNoSeriousA11yViolations } from "../support/axe.ts";
import { cancelOpenTickets } from "../support/open-tickets.ts";
import { assignedExpert, customerStatus, customerTicket, expertNamed, noHorizontalScroll, openAssignment, phonePage } from "../support/expert-flow.ts";
import { signIn, trpcBody, trpcMutation } from "../support/session.ts";

const bob = demoUsers.customers[1]!;
const bobRecord = demoCustomers.find((c) => c.id === bob.customerId)!;
const bobTv = bobRecord.products.find((p) => p.category === "tv")!;
const farid = demoCustomers.find((c) => c.name === "Farid Haddad")!;
const agent = demoUsers.agents[0]!;

/** How long the customer's open page may take to show an expert's step (the issue says "live"). */
const LIVE_MS = 2_000;

test.describe.configure({ timeout: 60_000 });

test("a ticket goes from the customer's form to the right expert's phone and back; an agent files one by phone", async ({ browser, playwright }) => {
  await cancelOpenTickets(playwright);
  // 1. The customer files through the portal form.
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, bob.email);
  const description = `Story e2e: the TV shows no picture, only sound (${Date.now()})`;
  await customer.getByLabel("Product").selectOption({ label: `${bobTv.name} (${bobTv.category})` });
  await customer.getByLabel("Category").selectOption("tv");
  await customer.getByLabel("Problem description").fill(description);
  await customer.getByRole("button", { name: "File ticket" }).click();
  const confirmation = customer.getByRole("status").filter({ hasText: /T-\d{6}/ });
  await expect(confirmation).toBeVisible();
  const number = (await confirmation.textContent())!.match(/T-\d{6}/)![0];
  await expectNoSeriousA11yViolations(customer);
  await customer.getByRole("region", { name: "My tickets" }).getByRole("row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(customer.getByRole("heading", { name: `Ticket ${number}` })).toBeVisible();
  await expect(customer.getByText(description)).toBeVisible();

  // 2. Matching's choice: the only expert for a Basic-plan TV.
  const expertName = await assignedExpert(customer.request, number);
  expect(expertName).toBe("Lena");
  await expect(customerStatus(customer, "assigned")).toBeVisible();
  const expert = await phonePage(browser, expertNamed(expertName).email);
  await openAssignment(expert, number);
  await noHorizontalScroll(expert);

  const step = async (button: string, status: string) => {
    const done = expert.waitForResponse((r) => r.url().includes("/api/ticketing/expert.") && r.request().method() === "POST");
    await expert.getByRole("button", { name: button }).click();
    expect((await done).status()).toBe(200);
    const t0 = Date.now();
    await expect(customerStatus(customer, status)).toBeVisible({ timeout: LIVE_MS });
    console.log(`story: "${status}" on the customer's open page ${Date.now() - t0} ms after the expert's ${button} returned`);
  };
  await step("Accept", "accepted");
  await step("Start work", "in_progress");
  await expert.getByRole("button", { name: "Resolve…" }).click();
  await expert.getByLabel("How did you resolve the problem?").fill("Replaced the backlight strip; picture is back.");
  await step("Resolve ticket", "resolved");
  await expect(expert.getByRole("status").filter({ hasText: `Ticket ${number} is resolved` })).toBeVisible();
  await expert.context().close();

  // 3. The survey on the ticket page, answered once; then the customer confirms.
  const survey = customer.getByRole("form", { name: "Satisfaction survey" });
  await expect(survey).toBeVisible();
  await expectNoSeriousA11yViolations(customer);
  await survey.getByLabel("4").check();
  await survey.getByLabel("Comment (optional)").fill("Quick fix, clear explanation");
  await survey.getByRole("button", { name: "Send answer" }).click();
  await expect(customer.getByText("You rated this visit 4 out of 5")).toBeVisible();
  await expect(survey).toHaveCount(0);
  const { id: ticketId } = await customerTicket(customer.request, number);
  const again = await trpcMutation(customer.request, "ticketing", "customer.answerTicketSurvey", { ticketId, rating: 1, comment: "Second try" });
  expect(again.ok()).toBe(false);
  expect((await trpcBody<never>(again)).error?.message).toMatch(/already answered/);
  const answered = await customerTicket(customer.request, number);
  expect(answered.survey).toMatchObject({ state: "answered", rating: 4 });

  await customer.getByRole("button", { name: "Confirm it is fixed" }).click();
  await expect(customer.getByRole("status").filter({ hasText: "Done: confirm it is fixed." })).toBeVisible();
  await expect(customerStatus(customer, "closed")).toBeVisible();
  await expect(customer.getByRole("button", { name: /Confirm|Reopen|Cancel/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(customer);
  await customer.context().close();

  // 4. The agent: a caller reads out their phone number; a ticket filed for them by phone; found in the search.
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, agent.email);
  await desk.goto("/tickets");
  await fileByPhoneAndFind(desk);
  await desk.context().close();
});

async function fileByPhoneAndFind(page: Page) {
  const spoken = farid.phone.replace(/^\+1-(\d{3})-(\d{3})-(\d{4})$/, "($1) $2 $3");
  const finder = page.getByRole("search", { name: "Find a caller" });
  await finder.getByLabel("Find a caller").fill(spoken);
  await finder.getByRole("button", { name: "Find caller" }).click();
  await page.getByRole("list", { name: "Callers found" }).getByRole("button", { name: `Select ${farid.name}` }).click();
  const panel = page.getByRole("region", { name: `Caller ${farid.name}` });
  await panel.getByLabel("What is the problem?").fill("The printer pulls two sheets at once and jams");
  await panel.getByRole("button", { name: "File ticket" }).click();
  const filed = panel.getByRole("status").filter({ hasText: "filed by phone" });
  await expect(filed).toBeVisible();
  const phoned = (await filed.getByRole("link").textContent())!.trim();

  const search = page.getByRole("search", { name: "Search tickets" });
  await search.getByLabel("Ticket number or customer").fill(phoned);
  await search.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("table", { name: "Tickets" }).getByRole("row");
  await expect(rows).toHaveCount(2); // header + the one ticket
  await expect(rows.nth(1)).toContainText(phoned);
  await expect(rows.nth(1)).toContainText(farid.name);
  await expect(rows.nth(1)).toContainText("by phone");
  await expectNoSeriousA11yViolations(page);
}
