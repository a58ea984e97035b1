/**
 * A throwaway database with a million tickets, for the helpdesk search and "My tickets" at scale; then
 * EXPLAIN ANALYZE of the helpdesk search's queries (the SQL `tickets.searchAll` runs) on it.
 *
 * Run: `npx tsx bench/seed-million-tickets.ts [--database-url postgresql://postgres@127.0.0.1:5432/sysops_million]
 * [--count 1000000] [--explain-only]`. The database is created if missing, migrated and demo-seeded by the same
 * code as the launcher's `migrate`/`seed` commands, then filled with one INSERT … SELECT over generate_series
 * (no per-row round trips). Start a suite on it with `DATABASE_URL=<url> npm start` (or bench/helpdesk-render.ts).
 *
 * How the tickets are distributed (deterministic: every "random" pick is a hash of the row number):
 * - creation times evenly over the 365 days before now, ticket numbers in creation order;
 * - 50 000 customers, 20 tickets each; customers 0–9 are the demo customers (their real ids, names and first
 *   product, so "My tickets" of e.g. Alice shows 20 of them), the rest synthetic ("<first> <last>" from 40×40 names);
 * - product category evenly over the seven categories; channel 70 % web, 30 % phone;
 * - status by age: < 2 h: new 30 %, assigned 30 %, accepted 20 %, in progress 20 %; < 3 days: accepted 20 %,
 *   in progress 40 %, resolved 30 %, cancelled 10 %; < 7 days: resolved 60 %, closed 30 %, cancelled 10 %;
 *   older: closed 90 %, cancelled 7 %, escalated 3 %;
 * - plans (targets, skill level) as the demo plans; synthetic customers spread evenly over the three; SLA due
 *   times from the targets; breached on 4 % of the tickets past `new`.
 * Each seeded ticket has its first transition (filed) only: the timeline of an old seeded ticket is one line.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { demoCustomers, demoPlans } from "../packages/demo-data/src/index.ts";
import { createLogger } from "../packages/logger/src/logger.ts";
import { migrateAll, seedAll } from "../launcher/src/suite/database.ts";
import { ticketSearchInput, ticketSearchSql } from "../services/ticketing/src/tickets/ticket-search.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const databaseUrl = arg("database-url", "postgresql://postgres@127.0.0.1:5432/sysops_million");
const count = Number(arg("count", "1000000"));
const explainOnly = process.argv.includes("--explain-only");
const CUSTOMERS = 50_000;

const FIRST = ["Anna", "Ben", "Chloe", "Daniel", "Elif", "Felix", "Gina", "Hugo", "Ines", "Jack", "Kira", "Liam", "Maya", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara",
  "Umar", "Vera", "Will", "Xena", "Yusuf", "Zoe", "Aron", "Bea", "Carl", "Dana", "Emil", "Fay", "Gus", "Hana", "Ivan", "Jade", "Karl", "Lola", "Milo", "Nina"];
const LAST = ["Smith", "Jones", "Garcia", "Miller", "Davis", "Lopez", "Wilson", "Moore", "Taylor", "Thomas", "White", "Harris", "Clark", "Lewis", "Young", "Walker", "Hall", "Allen", "King", "Wright",
  "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy"];
const CATEGORIES = ["laptop", "desktop", "tv", "audio", "phone", "printer", "network"];

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  await client.end();
}

const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
};

async function seed(client: pg.Client) {
  const existing = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ticketing."Ticket" WHERE description LIKE 'Seeded ticket %'`);
  if (Number(existing.rows[0]!.n) > 0) {
    console.log(`already seeded: ${existing.rows[0]!.n} tickets (drop the database to seed again)`);
    return;
  }
  const planOf = new Map(demoPlans.map((p) => [p.id, p]));
  const tiers = [...demoPlans].sort((a, b) => a.tier - b.tier); // SQL arrays indexed by tier (1-based)
  const demo = demoCustomers.map((c, k) => {
    const plan = planOf.get(c.planId)!;
    return { k, id: c.id, name: c.name, address: c.defaultAddress, lat: c.addressLat, lon: c.addressLon, productId: c.products[0]!.id, productName: c.products[0]!.name, category: c.products[0]!.category, tier: plan.tier };
  });
  await client.query(`CREATE TEMP TABLE seed_demo AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(k int, id uuid, name text, address text, lat float8, lon float8, "productId" uuid, "productName" text, category text, tier int)`, [JSON.stringify(demo)]);

  await timed(`insert ${count} tickets`, () =>
    client.query(
      `WITH rows AS (
         SELECT i,
                (i * 7) % $2 AS k,
                now() - interval '365 days' + (i * (365.0 * 86400 / $1)) * interval '1 second' AS created,
                (($1 - i) * 365.0 * 24 / $1) AS age_hours,
                ((i::bigint * 7919) % 100)::int AS r,
                ((i::bigint * 104729) % 1000)::int AS r2
         FROM generate_series(1, $1) AS g(i)
       ), shaped AS (
         SELECT rows.*,
                CASE
                  WHEN age_hours < 2 THEN CASE WHEN r < 30 THEN 'new' WHEN r < 60 THEN 'assigned' WHEN r < 80 THEN 'accepted' ELSE 'in_progress' END
                  WHEN age_hours < 72 THEN CASE WHEN r < 20 THEN 'accepted' WHEN r < 60 THEN 'in_progress' WHEN r < 90 THEN 'resolved' ELSE 'cancelled' END
                  WHEN age_hours < 168 THEN CASE WHEN r < 60 THEN 'resolved' WHEN r < 90 THEN 'closed' ELSE 'cancelled' END
                  ELSE CASE WHEN r < 90 THEN 'closed' WHEN r < 97 THEN 'cancelled' ELSE 'escalated' END
                END AS status,
                d.id AS demo_id, d.name AS demo_name, d.address AS demo_address, d.lat AS demo_lat, d.lon AS demo_lon,
                d."productId" AS demo_product, d."productName" AS demo_product_name, d.category AS demo_category,
                COALESCE(d.tier, 1 + (rows.k % 3)) AS tier
         FROM rows LEFT JOIN seed_demo d ON d.k = rows.k
       ), targets AS (
         SELECT shaped.*,
                ($6::int[])[tier] AS assign_min, ($7::int[])[tier] AS accept_min, ($8::int[])[tier] AS resolve_min, ($9::int[])[tier] AS skill
         FROM shaped
       )
       INSERT INTO ticketing."Ticket" (id, status, "customerId", "customerName", "productId", "productName", "productCategory",
         description, "serviceAddress", channel, "requiredSkillLevel", "serviceLat", "serviceLon", "planTier",
         "assignTargetMinutes", "acceptTargetMinutes", "resolveTargetMinutes", "assignDueAt", "acceptDueAt", "resolveDueAt",
         "slaBreached", "resolvedAt", "createdAt", "updatedAt", version)
       SELECT gen_random_uuid(), status::ticketing."TicketStatus",
              COALESCE(demo_id, md5('customer-' || k)::uuid),
              COALESCE(demo_name, ($3::text[])[1 + k % 40] || ' ' || ($4::text[])[1 + (k / 40) % 40]),
              COALESCE(demo_product, md5('product-' || k)::uuid),
              COALESCE(demo_product_name, 'Device ' || (k % 997)),
              COALESCE(demo_category, ($5::text[])[1 + (i * 31) % 7]),
              'Seeded ticket ' || i, COALESCE(demo_address, (k % 900 + 1) || ' Seed Street, Springfield'),
              (CASE WHEN r2 % 10 < 7 THEN 'web' ELSE 'phone' END)::ticketing."Channel",
              skill, COALESCE(demo_lat, 41.8 + (k % 100) / 1000.0), COALESCE(demo_lon, -87.6 - (k % 100) / 1000.0), tier::text,
              assign_min, accept_min, resolve_min,
              created + assign_min * interval '1 minute',
              CASE WHEN status <> 'new' THEN created + (assign_min / 2 + accept_min) * interval '1 minute' END,
              CASE WHEN status NOT IN ('new', 'assigned') THEN created + (assign_min / 2 + accept_min / 2 + resolve_min) * interval '1 minute' END,
              status <> 'new' AND r2 < 40,
              CASE WHEN status IN ('resolved', 'closed') THEN created + resolve_min / 2 * interval '1 minute' END,
              created, created, 0
       FROM targets ORDER BY i`,
      [count, CUSTOMERS, FIRST, LAST, CATEGORIES, ...(["assignTargetMinutes", "acceptTargetMinutes", "resolveTargetMinutes", "requiredSkillLevel"] as const).map((key) => tiers.map((p) => p[key]))],
    ),
  );
  await timed("insert each ticket's first transition", () =>
    client.query(
      `INSERT INTO ticketing."TicketTransition" (id, "ticketId", "fromStatus", "toStatus", "actorId", "actorRole", channel, at)
       SELECT gen_random_uuid(), id, NULL, 'new', 'seed', CASE channel WHEN 'phone' THEN 'agent' ELSE 'customer' END, channel, "createdAt"
       FROM ticketing."Ticket" WHERE description LIKE 'Seeded ticket %' ORDER BY number`,
    ),
  );
  await timed("analyze", () => client.query(`ANALYZE ticketing."Ticket"; ANALYZE ticketing."TicketTransition"`));
}

/** The helpdesk searches the console offers, each as first page and as a deep page (cursor taken from the data). */
async function explain(client: pg.Client) {
  const now = new Date();
  const newest = await client.query<{ createdAt: Date; number: number }>(`SELECT "createdAt", number FROM ticketing."Ticket" ORDER BY "createdAt" DESC, number DESC OFFSET 500000 LIMIT 1`);
  const deep = newest.rows[0] ? `${newest.rows[0].createdAt.getTime()}_${newest.rows[0].number}` : undefined;
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const cases: [string, Record<string, unknown>][] = [
    ["no filter, first page", {}],
    ["no filter, page after 500 000 rows", { after: deep }],
    ["status escalated", { status: "escalated" }],
    ["status in_progress + category tv", { status: "in_progress", productCategory: "tv" }],
    ["category printer, last 30 days → 7 days", { productCategory: "printer", createdFrom: monthAgo, createdTo: weekAgo }],
    ["SLA breached", { sla: "breached" }],
    ["SLA warning", { sla: "warning" }],
    ["SLA ok, page after 500 000 rows", { sla: "ok", after: deep }],
    ["ticket number", { text: "T-123456" }],
    ["customer name 'Maya Hall'", { text: "Maya Hall" }],
    ["customer name 'alice martin'", { text: "alice martin" }],
  ];
  for (const [label, filters] of cases) {
    const sql = ticketSearchSql(ticketSearchInput.parse({ ...filters, limit: 25 }), now);
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
    const lines = plan.rows.map((r) => r["QUERY PLAN"]);
    const execution = lines.find((l) => l.startsWith("Execution Time"));
    console.log(`\n### ${label}: ${execution}\n${lines.filter((l) => !l.startsWith("Execution") && !l.startsWith("Planning")).slice(0, 8).join("\n")}`);
  }
}

async function main() {
  await ensureDatabase(databaseUrl);
  if (!explainOnly) {
    const logger = createLogger("seed-million", "warn");
    await timed("migrate + demo seed (launcher's migrate/seed)", async () => {
      await migrateAll(databaseUrl, logger);
      await seedAll(databaseUrl, logger);
    });
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (!explainOnly) await seed(client);
    const total = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ticketing."Ticket"`);
    console.log(`tickets in the database: ${total.rows[0]!.n}`);
    await explain(client);
  } finally {
    await client.end();
  }
}

await main();
