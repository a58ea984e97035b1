/**
 * Accessibility check for every ticketing page in the e2e run: axe-core (WCAG 2.x A/AA rules) must report no
 * serious or critical violation. A failure lists each rule with the offending elements.
 * @see https://github.com/dequelabs/axe-core-npm/tree/develop/packages/playwright
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const BLOCKING = new Set(["serious", "critical"]);

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking, `axe found serious/critical violations on ${page.url()}`).toEqual([]);
}
