import { expect, test } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { fileTicket, fileTicketInput, filingOptions } from "../support/file-ticket.ts";
import { signIn, signInApi, trpcBody, trpcMutation, trpcQuery } from "../support/session.ts";

const customer = demoUsers.customers[1]!;
const otherCustomer = demoUsers.customers[2]!;

test("a customer files a ticket and sees it in My tickets", async ({ page }) => {
  const description = `Screen flickers after the update (${Date.now()})`;
  await signIn(page, customer.email);
  await page.getByLabel("Product").selectOption({ index: 1 });
  await page.getByLabel("Problem description").fill(description);
  await expect(page.getByLabel("Service address")).not.toHaveValue("");
  await page.getByRole("button", { name: "File ticket" }).click();

  const confirmation = page.getByRole("status").filter({ hasText: /T-\d{6}/ });
  await expect(confirmation).toBeVisible();
  const number = (await confirmation.textContent())!.match(/T-\d{6}/)![0];

  const myTickets = page.getByRole("region", { name: "My tickets" });
  const row = myTickets.getByRole("row").filter({ hasText: number });
  // Matching may already have assigned it: "new" is only the state it is filed in.
  await expect(row.getByRole("cell", { name: /^(new|assigned)$/i })).toBeVisible();
});

test("an empty description shows the field's error and files nothing", async ({ page }) => {
  await signIn(page, customer.email);
  const rows = page.getByRole("region", { name: "My tickets" }).getByRole("row");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  await page.getByLabel("Product").selectOption({ index: 1 });
  await page.getByLabel("Problem description").fill("   ");
  await page.getByRole("button", { name: "File ticket" }).click();
  await expect(page.getByText("Describe the problem in a few words")).toBeVisible();

  // The BFF refuses it too, naming the field, when the browser's check is bypassed.
  const res = await trpcMutation(page.request, "ticketing", "customer.fileTicket", fileTicketInput(await filingOptions(page.request), { description: "" }));
  expect(res.status()).toBe(400);
  expect((await trpcBody<never>(res)).error?.data.fieldErrors?.description).toBeTruthy();

  await page.reload();
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(before);
});

test("a customer cannot read another customer's ticket through the BFF", async ({ playwright, baseURL }) => {
  const owner = await playwright.request.newContext({ baseURL });
  await signInApi(owner, otherCustomer.email);
  const { id: ticketId, number } = await fileTicket(owner, { description: "Private problem with the device" });
  expect((await trpcQuery(owner, "ticketing", "customer.ticket", { number })).status()).toBe(200);

  const intruder = await playwright.request.newContext({ baseURL });
  await signInApi(intruder, customer.email);
  const res = await trpcQuery(intruder, "ticketing", "customer.ticket", { number });
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain("Private problem");
  const mine = await trpcQuery(intruder, "ticketing", "customer.myTickets", undefined);
  expect(mine.status()).toBe(200);
  expect(await mine.text()).not.toContain(ticketId);
  await owner.dispose();
  await intruder.dispose();
});
