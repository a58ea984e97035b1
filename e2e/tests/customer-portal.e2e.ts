/**
 * The customer portal in Chromium against the running suite:
 * - filing with bad input shows each message next to its field and files nothing;
 * - a double-clicked "File ticket" files one ticket (the form's idempotency key);
 * - the ticket page shows the timeline and only the allowed actions; cancel works; a stale page acting on a
 *   ticket that changed meanwhile is told "This ticket changed…" and shows the current state;
 * - the survey link from the e-mail (`/survey/<token>`) opens the survey; the answer is recorded once and a
 *   second answer (another tab) is refused with a clear message;
 * - axe reports no serious or critical violation on any customer page.
 * Grace Lee (Premier): her phone goes to Omar (phone 5), so matching assigns it without waiting on others.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, demoUsers } from "@sysops/demo-data";
import { expectNoSeriousA11yViolations } from "../support/axe.ts";
import { fileTicket } from "../support/file-ticket.ts";
import { signIn, signInApi, trpcBody, trpcMutation, trpcQuery, type TicketingOutputs } from "../support/session.ts";
import { suiteEnv } from "../support/suite-env.ts";

type CustomerTicket = TicketingOutputs["customer"]["ticket"];
type ExpertTicket = TicketingOutputs["expert"]["ticket"];

const grace = demoUsers.customers[6]!;
const hiro = demoUsers.customers[7]!;

const myTicketRows = (page: Page) => page.getByRole("region", { name: "My tickets" }).getByRole("row");

async function customerTicket(request: APIRequestContext, number: string): Promise<CustomerTicket> {
  return (await trpcBody<CustomerTicket>(await trpcQuery(request, "ticketing", "customer.ticket", { number }))).result!.data;
}

test("bad input is named next to each field and files nothing; the home page passes axe", async ({ page }) => {
  await signIn(page, hiro.email);
  await expect(myTicketRows(page).first().or(page.getByText("You have not filed any tickets yet."))).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const before = await myTicketRows(page).count();

  await page.getByLabel("Problem description").fill("short");
  await page.getByLabel("Service address").fill("x");
  await page.getByLabel("Preferred date").fill("2020-01-01");
  await page.getByRole("button", { name: "File ticket" }).click();

  const description = page.getByLabel("Problem description");
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Describe the problem in a few words (at least 10 characters)")).toBeVisible();
  await expect(page.getByText("Enter the address where the expert should come")).toBeVisible();
  await expect(page.getByText("Pick a date from today on")).toBeVisible();
  // Each message is tied to its field (aria-describedby), not only shown nearby.
  const describedBy = (await description.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`[id="${describedBy.split(" ").find((id) => id.includes("error"))}"]`)).toContainText("at least 10 characters");
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(myTicketRows(page).first().or(page.getByText("You have not filed any tickets yet."))).toBeVisible();
  expect(await myTicketRows(page).count()).toBe(before);
});

test("a double-clicked File ticket files one ticket; its page shows the timeline and cancels; a stale page is told", async ({ page, browser }) => {
  const description = `Double click test ${Date.now()}`;
  await signIn(page, hiro.email);
  await page.getByLabel("Problem description").fill(description);
  await page.getByRole("button", { name: "File ticket" }).dblclick();
  const confirmation = page.getByRole("status").filter({ hasText: /T-\d{6}/ });
  await expect(confirmation).toBeVisible();
  const number = (await confirmation.textContent())!.match(/T-\d{6}/)![0];

  const mine = (await trpcBody<TicketingOutputs["customer"]["myTickets"]>(await trpcQuery(page.request, "ticketing", "customer.myTickets", undefined))).result!.data;
  expect(mine.filter((t) => t.description === description)).toHaveLength(1);
  await expect(myTicketRows(page).filter({ hasText: number })).toHaveCount(1);

  // The ticket page, reached from My tickets.
  await myTicketRows(page).filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${number}$`));
  await expect(page.getByRole("heading", { name: `Ticket ${number}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Filed");
  await expect(page.getByRole("button", { name: /Confirm|Reopen/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // A second tab with the same page and no live updates (its stream is cut): it goes stale.
  const staleContext = await browser.newContext();
  const stale = await staleContext.newPage();
  await stale.route("**/api/ticketing/live.**", (route) => route.abort());
  await signIn(stale, hiro.email);
  await stale.goto(`/tickets/${number}`);
  await expect(stale.getByRole("button", { name: "Cancel ticket" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel ticket" }).click();
  await expect(page.locator('[data-status="cancelled"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel ticket" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Cancelled");

  await stale.getByRole("button", { name: "Cancel ticket" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "This ticket changed since you opened it" })).toBeVisible();
  await expect(stale.locator('[data-status="cancelled"]').first()).toBeVisible();
  await expect(stale.getByRole("button", { name: "Cancel ticket" })).toHaveCount(0);
  await staleContext.close();
});

test("the survey link from the e-mail is answered once; a second answer is refused with a clear message", async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL });
  await signInApi(api, grace.email);
  const { number } = await fileTicket(api, { category: "phone", description: `Survey e2e: the phone reboots (${Date.now()})` });

  // Matching assigns it; the expert accepts, starts and resolves it (through the BFF, as the console would).
  let expertFirstName: string | null = null;
  await expect
    .poll(async () => (expertFirstName = (await customerTicket(api, number)).expertFirstName), { timeout: 60_000, intervals: [250, 500, 1_000] })
    .not.toBeNull();
  const expert = demoUsers.experts.find((e) => e.name.startsWith(`${expertFirstName} `))!;
  const expertApi = await playwright.request.newContext({ baseURL });
  await signInApi(expertApi, expert.email);
  const { id: ticketId } = await customerTicket(api, number);
  for (const [step, extra] of [["accept", {}], ["start", {}], ["resolve", { notes: "Replaced the battery" }]] as const) {
    const { version } = (await trpcBody<ExpertTicket>(await trpcQuery(expertApi, "ticketing", "expert.ticket", { ticketId }))).result!.data;
    expect((await trpcMutation(expertApi, "ticketing", `expert.${step}`, { ticketId, expectedVersion: version, ...extra })).status()).toBe(200);
  }

  // The link the notification service e-mails: /survey/<token> on the suite's origin (token read from ticketing's outbox).
  const db = new pg.Client({ connectionString: suiteEnv.databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ token: string }>(
    `SELECT payload->>'token' AS token FROM ticketing."OutboxEvent" WHERE "aggregateId" = $1 AND type = 'survey.created'`,
    [ticketId],
  );
  await db.end();
  const link = `/survey/${encodeURIComponent(rows[0]!.token)}`;

  // Clicked in the e-mail while signed out: the login page, then straight to the survey.
  await page.goto(link);
  await page.getByLabel("Email").fill(grace.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tickets\/survey\//);
  await expect(page.getByRole("heading", { name: `How did we do on ticket ${number}?` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A second tab opens the same link before the first answers (its live updates cut, so it keeps the form).
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.route("**/api/ticketing/live.**", (route) => route.abort());
  await signIn(other, grace.email);
  await other.goto(link);
  await expect(other.getByRole("button", { name: "Send answer" })).toBeVisible();

  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText("Choose 1 to 5 stars")).toBeVisible();
  await page.getByLabel("5 – excellent").check();
  await page.getByLabel("Comment (optional)").fill("Fast and friendly");
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your answer was recorded" })).toBeVisible();

  await other.getByLabel("2").check();
  await other.getByRole("button", { name: "Send answer" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "This survey was already answered" })).toBeVisible();
  await otherContext.close();

  // The ticket page shows the recorded answer (not the second one) and offers confirm/reopen; it passes axe.
  await page.goto(`/tickets/${number}`);
  await expect(page.getByText("You rated this visit 5 out of 5")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm it is fixed" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen: the problem is back" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel ticket" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await api.dispose();
  await expertApi.dispose();
});
