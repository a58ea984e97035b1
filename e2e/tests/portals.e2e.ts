import { expect, test } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { signIn } from "../support/session.ts";

const landings = [
  { who: "customer", email: () => demoUsers.customers[0]!.email, title: "Customer portal", path: "/tickets" },
  { who: "agent", email: () => demoUsers.agents[0]!.email, title: "Helpdesk console", path: "/tickets" },
  { who: "expert", email: () => demoUsers.experts[0]!.email, title: "Expert console", path: "/tickets" },
  { who: "manager", email: () => demoUsers.manager.email, title: "Reporting dashboard", path: "/reports" },
  { who: "admin", email: () => demoUsers.admin.email, title: "Admin console", path: "/admin" },
];

for (const { who, email, title, path } of landings) {
  test(`${who === "agent" || who === "expert" || who === "admin" ? "an" : "a"} ${who} lands on the ${title}`, async ({ page }) => {
    await signIn(page, email());
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  });
}

test("wrong password is refused with a message and no session", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Email").fill(demoUsers.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(/incorrect/i);
  expect((await page.request.get("/auth/session")).status()).toBe(401);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, demoUsers.manager.email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();
  expect((await page.request.get("/auth/session")).status()).toBe(401);
  expect((await page.request.get("/api/reporting/tickets.statusCounts")).status()).toBe(401);
});
