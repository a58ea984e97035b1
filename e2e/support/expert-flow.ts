/**
 * Shared steps for the tests that follow a ticket from a customer to an expert's phone: who matching chose,
 * the expert's console on a 360×740 screen, and the customer's status badge.
 */
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { signIn, trpcBody, trpcQuery, type TicketingOutputs } from "./session.ts";

type CustomerTicket = TicketingOutputs["customer"]["ticket"];

export const PHONE = { width: 360, height: 740 };

export const expertNamed = (firstName: string) => {
  const expert = demoUsers.experts.find((e) => e.name.split(" ")[0] === firstName);
  if (!expert) throw new Error(`no demo expert named ${firstName}`);
  return expert;
};

export async function customerTicket(request: APIRequestContext, number: string): Promise<CustomerTicket> {
  return (await trpcBody<CustomerTicket>(await trpcQuery(request, "ticketing", "customer.ticket", { number }))).result!.data;
}

/** Waits for matching to assign the ticket (to someone other than `not`); returns the expert's first name. */
export async function assignedExpert(request: APIRequestContext, number: string, not?: string): Promise<string> {
  let firstName: string | null = null;
  await expect
    .poll(
      async () => {
        const t = await customerTicket(request, number);
        firstName = t.status === "assigned" && t.expertFirstName !== not ? t.expertFirstName : null;
        return firstName;
      },
      { timeout: 60_000, intervals: [250, 500, 1_000] },
    )
    .not.toBeNull();
  return firstName!;
}

/** A new browser context the size of a phone, signed in as `email`. */
export async function phonePage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** From the expert's "My assignments", opens the ticket's page. */
export async function openAssignment(page: Page, number: string) {
  const card = page.getByRole("listitem").filter({ hasText: number });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: `Ticket ${number}` }).click();
  await expect(page.getByRole("heading", { name: `Ticket ${number}` })).toBeVisible();
}

export const noHorizontalScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

/** The status badge in the customer's ticket header. */
export const customerStatus = (page: Page, status: string) => page.locator(`[data-status="${status}"]`).first();
