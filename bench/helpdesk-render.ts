/**
 * Time to first render, in Chromium (playwright-core), of the helpdesk's ticket search results and of a
 * customer's "My tickets", on a database with a million tickets (bench/seed-million-tickets.ts); plus the
 * search API's latency per filter through the gateway.
 *
 * Run: `npx tsx bench/helpdesk-render.ts [--database-url postgresql://postgres@127.0.0.1:5432/sysops_million]
 * [--port-base 7460] [--redis-url redis://127.0.0.1:6379/11] [--runs 5]` — starts the built suite (`npm run
 * build` first) on that database exactly as `npm start` does, measures, stops it. With `--url http://…` it uses
 * a suite that is already running instead.
 *
 * "First render" = from `page.goto('/tickets')` (signed in, so the shell, the ticketing remote and the data all
 * load) until the first result row is in the DOM. Run 1 is a cold browser context (no HTTP cache); the median is
 * over the warm runs after it (new page, same context: remotes cached, data fetched again).
 */
import { performance } from "node:perf_hooks";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { DEMO_PASSWORD, demoUsers } from "../packages/demo-data/src/index.ts";
import { launchSuite } from "../e2e/support/suite-launch.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const databaseUrl = arg("database-url", "postgresql://postgres@127.0.0.1:5432/sysops_million");
const portBase = Number(arg("port-base", "7460"));
const redisUrl = arg("redis-url", "redis://127.0.0.1:6379/11");
const runs = Number(arg("runs", "5"));
const givenUrl = process.argv.includes("--url") ? arg("url", "") : null;
const baseUrl = givenUrl ?? `http://127.0.0.1:${portBase}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function signedInContext(email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const res = await context.request.post("/auth/login", { data: { email, password: DEMO_PASSWORD }, headers: { origin: baseUrl } });
  if (res.status() !== 200) throw new Error(`sign-in of ${email} failed: ${res.status()}`);
  return context;
}

/** Milliseconds from navigation to the first row matching `rowSelector`, for each run (first run cold). */
async function timeToFirstRow(email: string, rowSelector: string): Promise<number[]> {
  const context = await signedInContext(email);
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto("/tickets");
      await page.waitForSelector(rowSelector, { timeout: 60_000 });
      times.push(performance.now() - started);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return times;
}

async function searchLatencies(): Promise<[string, number, number][]> {
  const context = await signedInContext(demoUsers.agents[0]!.email);
  const cases: [string, Record<string, string>][] = [
    ["no filter", {}],
    ["status escalated", { status: "escalated" }],
    ["category tv + status in_progress", { productCategory: "tv", status: "in_progress" }],
    ["SLA breached", { sla: "breached" }],
    ["SLA warning", { sla: "warning" }],
    ["filed in one week", { createdFrom: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10), createdTo: new Date(Date.now() - 33 * 86_400_000).toISOString().slice(0, 10) }],
    ["customer name 'maya hall'", { text: "maya hall" }],
    ["ticket number", { text: "T-500000" }],
  ];
  const out: [string, number, number][] = [];
  try {
    for (const [label, filters] of cases) {
      const times: number[] = [];
      let cursor: string | undefined;
      let deepest = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const res = await context.request.get(`/api/ticketing/helpdesk.searchTickets?input=${encodeURIComponent(JSON.stringify({ filters }))}`);
        if (!res.ok()) throw new Error(`${label}: HTTP ${res.status()} ${await res.text()}`);
        times.push(performance.now() - started);
        cursor = ((await res.json()) as { result: { data: { nextCursor: string | null } } }).result.data.nextCursor ?? undefined;
      }
      // Page 20 of the same search, walked by cursor: each page costs what the first does.
      for (let page = 2; page <= 20 && cursor; page++) {
        const started = performance.now();
        const res = await context.request.get(`/api/ticketing/helpdesk.searchTickets?input=${encodeURIComponent(JSON.stringify({ filters, cursor }))}`);
        deepest = performance.now() - started;
        cursor = ((await res.json()) as { result: { data: { nextCursor: string | null } } }).result.data.nextCursor ?? undefined;
      }
      out.push([label, median(times), deepest]);
    }
  } finally {
    await context.close();
  }
  return out;
}

const suite = givenUrl
  ? null
  : await launchSuite({ databaseUrl, redisUrl, portBase, dataDir: path.join(os.tmpdir(), `sysops-helpdesk-bench-${process.pid}`), readyTimeoutMs: 180_000 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const helpdesk = await timeToFirstRow(demoUsers.agents[0]!.email, 'table[aria-label="Tickets"] tbody tr');
  const myTickets = await timeToFirstRow(demoUsers.customers[0]!.email, 'section[aria-labelledby="my-tickets-title"] tbody tr');
  console.log(`\nsuite at ${baseUrl}, database ${givenUrl ? "(given suite)" : new URL(databaseUrl).pathname.slice(1)}, ${runs} runs each`);
  console.log(`helpdesk search results: cold ${ms(helpdesk[0]!)}, warm median ${ms(median(helpdesk.slice(1)))}  [${helpdesk.map(ms).join(", ")}]`);
  console.log(`customer "My tickets":   cold ${ms(myTickets[0]!)}, warm median ${ms(median(myTickets.slice(1)))}  [${myTickets.map(ms).join(", ")}]`);
  console.log("\nhelpdesk.searchTickets through the gateway (median of runs; page 20 by cursor):");
  for (const [label, first, deep] of await searchLatencies()) console.log(`  ${label.padEnd(34)} ${ms(first).padStart(7)}   page 20: ${deep ? ms(deep) : "—"}`);
} finally {
  await browser.close();
  await suite?.stop();
}
