import { expect, test } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { readRegistry, takeRemoteAway } from "../support/registry.ts";
import { signIn } from "../support/session.ts";

test("remotes are found through the registry and React is fetched once", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") scripts.push(res.url());
  });
  const registryRequest = page.waitForRequest((req) => req.url().endsWith("/mfe/registry.json"));
  await signIn(page, demoUsers.customers[0]!.email);
  await registryRequest;
  await expect(page.getByRole("region", { name: "My tickets" })).toBeVisible();
  await page.getByRole("link", { name: "Knowledge base" }).click();
  await expect(page.getByRole("heading", { name: "Knowledge base" })).toBeVisible();
  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();

  const registry = readRegistry();
  for (const name of ["ticketing", "kb", "customer"]) {
    const { version } = registry.remotes[name]!;
    expect(scripts.some((url) => url.includes(`/mfe/${name}/${version}/`))).toBe(true);
  }

  const reactDomCopies = await page.evaluate(async (urls) => {
    let copies = 0;
    for (const url of urls) {
      const body = await (await fetch(url)).text();
      if (body.includes("__reactContainer$")) copies += 1;
    }
    return copies;
  }, scripts);
  expect(reactDomCopies).toBe(1);

  // The design system (Mantine + its CSS) is a federation singleton: three remotes use it, one copy is fetched
  // and its styles are injected once.
  const mantineCopies = await page.evaluate(async (urls) => {
    let copies = 0;
    for (const url of urls) if ((await (await fetch(url)).text()).includes("@mantine/core/MantineProvider")) copies += 1;
    return copies;
  }, scripts);
  expect(mantineCopies).toBe(1);
  const buttonStyleTags = await page.evaluate(() => Array.from(document.querySelectorAll("style")).filter((s) => /\.m_77c9d27d\s*\{/.test(s.textContent)).length);
  expect(buttonStyleTags).toBe(1);
});

test("a remote whose manifest is missing shows its message while the other portals work, then recovers without a reload", async ({ page }) => {
  const putBack = takeRemoteAway("kb");
  try {
    await signIn(page, demoUsers.customers[0]!.email);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));
    await page.getByRole("link", { name: "Knowledge base" }).click();
    await expect(page.getByRole("alert")).toContainText(/unavailable/i);

    await page.getByRole("link", { name: "My tickets" }).click();
    await expect(page.getByRole("region", { name: "My tickets" })).toBeVisible();
    await page.getByRole("link", { name: "My account" }).click();
    await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();

    await page.getByRole("link", { name: "Knowledge base" }).click();
    await expect(page.getByRole("alert")).toContainText(/unavailable/i);
  } finally {
    putBack();
  }
  await expect(page.getByRole("heading", { name: "Knowledge base" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same page");
});
