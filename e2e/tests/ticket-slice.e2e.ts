import { expect, test } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { signIn, signInApi, trpcBody, trpcMutation, trpcQuery, type TicketingOutputs } from "../support/session.ts";

type FilingOptions = TicketingOutputs["filing"]["options"];

const customer = demoUsers.customers[1]!;
const otherCustomer = demoUsers.customers[2]!;

test("a customer files a ticket and sees it; an agent finds it by name and by number", async ({ page, browser }) => {
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

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, demoUsers.agents[0]!.email);
  const search = agentPage.getByLabel("Customer name or ticket number");

  await search.fill(customer.name.split(" ")[0]!);
  await agentPage.getByRole("button", { name: "Search" }).click();
  await expect(agentPage.getByRole("row").filter({ hasText: number })).toContainText(customer.name);

  await search.fill(number);
  await agentPage.getByRole("button", { name: "Search" }).click();
  await expect(agentPage.getByRole("row").filter({ hasText: number })).toHaveCount(1);
  await agentContext.close();
});

test("an empty description shows the field's error and files nothing", async ({ page }) => {
  await signIn(page, customer.email);
  const rows = page.getByRole("region", { name: "My tickets" }).getByRole("row");
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  await page.getByLabel("Product").selectOption({ index: 1 });
  await page.getByLabel("Problem description").fill("   ");
  await page.getByRole("button", { name: "File ticket" }).click();
  await expect(page.getByText("Describe the problem")).toBeVisible();

  // The BFF refuses it too, naming the field, when the browser's check is bypassed.
  const options = await trpcBody<FilingOptions>(await trpcQuery(page.request, "ticketing", "filing.options", undefined));
  const productId = options.result!.data.products[0]!.id;
  const res = await trpcMutation(page.request, "ticketing", "tickets.create", { productId, description: "", serviceAddress: "1 Main Street, Springfield" });
  expect(res.status()).toBe(400);
  expect((await trpcBody<never>(res)).error?.data.fieldErrors?.description).toBeTruthy();

  await page.reload();
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(before);
});

test("a customer cannot read another customer's ticket through the BFF", async ({ playwright, baseURL }) => {
  const owner = await playwright.request.newContext({ baseURL });
  await signInApi(owner, otherCustomer.email);
  const options = (await trpcBody<FilingOptions>(await trpcQuery(owner, "ticketing", "filing.options", undefined))).result!.data;
  const created = await trpcMutation(owner, "ticketing", "tickets.create", {
    productId: options.products[0]!.id,
    description: "Private problem",
    serviceAddress: options.defaultAddress,
  });
  expect(created.status()).toBe(200);
  const ticketId = (await trpcBody<TicketingOutputs["tickets"]["create"]>(created)).result!.data.id;
  expect((await trpcQuery(owner, "ticketing", "tickets.get", { ticketId })).status()).toBe(200);

  const intruder = await playwright.request.newContext({ baseURL });
  await signInApi(intruder, customer.email);
  const res = await trpcQuery(intruder, "ticketing", "tickets.get", { ticketId });
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain("Private problem");
  const mine = await trpcQuery(intruder, "ticketing", "tickets.mine", undefined);
  expect(mine.status()).toBe(200);
  expect(await mine.text()).not.toContain(ticketId);
  await owner.dispose();
  await intruder.dispose();
});
