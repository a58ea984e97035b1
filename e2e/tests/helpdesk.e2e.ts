/**
 * The helpdesk console in Chromium, against the running suite, as call-center agent Priya:
 * - find a caller by phone, email, name and by a ticket number they read out;
 * - file a ticket for the caller: it is recorded and shown as a phone ticket;
 * - search all tickets with filters and go to the next page (keyset cursor) and back;
 * - open a ticket: SLA clock, timeline, assignment explanation; escalate with a reason (a missing reason is
 *   refused next to the field).
 * Every helpdesk page passes axe (no serious or critical violation).
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { demoCustomers, demoUsers } from "@sysops/demo-data";
import { expectNoSeriousA11yViolations } from "../support/axe.ts";
import { signIn, signInApi, trpcBody, trpcMutation, type TicketingOutputs } from "../support/session.ts";
import { cancelOpenTickets } from "../support/open-tickets.ts";

type Filed = TicketingOutputs["helpdesk"]["fileForCaller"];

const agent = demoUsers.agents[0]!;
const farid = demoCustomers.find((c) => c.name === "Farid Haddad")!;
/** Bob's TV (Basic plan) has one qualified expert, Lena, so matching assigns it within seconds. */
const bob = demoCustomers.find((c) => c.name === "Bob Nguyen")!;

async function findCaller(page: Page, query: string) {
  const search = page.getByRole("search", { name: "Find a caller" });
  await search.getByLabel("Find a caller").fill(query);
  await search.getByRole("button", { name: "Find caller" }).click();
  return page.getByRole("list", { name: "Callers found" }).getByRole("listitem");
}

test.describe("helpdesk console", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, agent.email);
    await page.goto("/tickets");
    await expect(page.getByRole("heading", { name: "Who is calling?" })).toBeVisible();
  });

  test("finds a caller by phone, email, name or ticket number", async ({ page }) => {
    await expectNoSeriousA11yViolations(page);
    // The phone as a caller reads it out ("(312) 555 0106" for +1-312-555-0106): matched by its digits.
    const spoken = farid.phone.replace(/^\+1-(\d{3})-(\d{3})-(\d{4})$/, "($1) $2 $3");
    expect(spoken).not.toBe(farid.phone);
    for (const query of [spoken, farid.email, "haddad"]) {
      const cards = await findCaller(page, query);
      await expect(cards.first()).toContainText(farid.name);
      await expect(cards.first()).toContainText(farid.email);
    }
    // A ticket number: the first ticket in the list belongs to someone; that someone is found by it.
    const firstRow = page.getByRole("table", { name: "Tickets" }).getByRole("row").nth(1);
    const number = (await firstRow.getByRole("link").textContent())!.trim();
    const owner = (await firstRow.getByRole("cell").nth(1).textContent())!.trim();
    const cards = await findCaller(page, number);
    await expect(cards.first()).toContainText(owner);
    await expect(cards.first()).toContainText(`Ticket ${number} is theirs`);
    await expectNoSeriousA11yViolations(page);
  });

  test("files a ticket for the caller by phone, then escalates it with a reason from its page", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    await cancelOpenTickets(playwright);
    const cards = await findCaller(page, "nguyen");
    await cards.first().getByRole("button", { name: `Select ${bob.name}` }).click();
    const panel = page.getByRole("region", { name: `Caller ${bob.name}` });
    await expect(panel.getByLabel("Service address")).toHaveValue(bob.defaultAddress);
    await panel.getByRole("button", { name: "File ticket" }).click();
    await expect(panel.getByText("Describe the problem")).toBeVisible(); // the BFF's schema, next to the field
    await panel.getByLabel("What is the problem?").fill("The TV picture flickers and then goes black");
    await panel.getByRole("button", { name: "File ticket" }).click();
    const filed = panel.getByRole("status").filter({ hasText: "filed by phone" });
    await expect(filed).toBeVisible();
    const number = (await filed.getByRole("link").textContent())!.trim();
    await expect(panel.getByRole("list", { name: "Their tickets" })).toContainText(`${number}`);
    await expectNoSeriousA11yViolations(page);

    await filed.getByRole("link", { name: number }).click();
    await expect(page.getByRole("heading", { name: `Ticket ${number}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "What the customer reported" })).toContainText("by phone");
    const sla = page.getByRole("region", { name: "SLA" });
    await expect(sla).toContainText(/Due .*(left|overdue)/);
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("(by phone)");
    // Matching decides within seconds in the running suite; the page shows its explanation once it has.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("region", { name: "Assignment explanation" })).toContainText("experts considered", { timeout: 1_000 });
    }).toPass({ timeout: 45_000 });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Escalate" }).click();
    const form = page.getByRole("region", { name: "Escalate" });
    await form.getByRole("button", { name: "Escalate" }).click();
    await expect(form.getByText("Give the reason")).toBeVisible();
    await form.getByLabel("Why does this ticket need escalating?").fill("Caller hosts a screening tomorrow");
    await form.getByRole("button", { name: "Escalate" }).click();
    await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "escalated");
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Caller hosts a screening tomorrow");
    await expect(page.getByRole("button", { name: "Escalate" })).toHaveCount(0); // not offered any more
    await expectNoSeriousA11yViolations(page);
  });

  test("searches with filters and pages forward and back", async ({ page, request }) => {
    // Enough of Farid's printer tickets for two pages (filed over the API to keep the test short).
    await signInApi(request, agent.email);
    const filed: string[] = [];
    for (let i = 0; i < 27; i++) {
      const res = await trpcMutation(request, "ticketing", "helpdesk.fileForCaller", {
        customerId: farid.id,
        productId: farid.products[0]!.id,
        description: `Paper jam number ${i}`,
        serviceAddress: farid.defaultAddress,
        idempotencyKey: randomUUID(),
      });
      filed.push((await trpcBody<Filed>(res)).result!.data.number);
    }
    const search = page.getByRole("search", { name: "Search tickets" });
    await search.getByLabel("Ticket number or customer").fill("farid");
    await search.getByLabel("Product category").selectOption("printer");
    await search.getByRole("button", { name: "Search" }).click();
    const rows = page.getByRole("table", { name: "Tickets" }).getByRole("row");
    await expect(rows).toHaveCount(26); // header + 25
    await expect(rows.nth(1)).toContainText(filed.at(-1)!); // newest first
    await expect(rows.nth(1)).toContainText("by phone");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page.getByText("Page 2")).toBeVisible();
    await expect(rows.nth(1)).toContainText(filed[1]!);
    await expect(page.getByRole("table", { name: "Tickets" })).toContainText(filed[0]!);
    await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(rows.nth(1)).toContainText(filed.at(-1)!);

    await search.getByLabel("Filed from").fill("2026-05-02");
    await search.getByLabel("Filed until").fill("2026-05-01");
    await search.getByRole("button", { name: "Search" }).click();
    await expect(search.getByText("The end date must not be before the start date")).toBeVisible();
  });
});
