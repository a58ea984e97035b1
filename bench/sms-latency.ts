/**
 * Created → expert's SMS benchmark (issue 3, item 9; target p99 < 200 ms at 100 tickets/s). For each ticket:
 * the time from the 2xx of `customer.fileTicket` (gateway → bff-ticketing → svc-ticketing) to the assignment SMS
 * arriving in the notification service's local SMS sink (its `receivedAt`, read through svc-notification's
 * `sinks.list`; the SMS is matched by the ticket number in its text). Open loop: tickets are filed on a fixed
 * schedule (`--rate` per second for `--seconds`) whatever the answers; tickets not SMS'd within `--window-ms`
 * after the last filing are counted as missing. Before the measured run, `--warmup-seconds` (default 3) of tickets at
 * the same rate are filed and waited for, unmeasured: a suite just started pays for its JIT, its pools' first
 * connections and PostgreSQL's cold caches in its first seconds, which is not the steady state the target is about.
 *
 * Run it against a THROWAWAY suite (its own database, Redis db and port base), e.g.
 *   SYSOPS_PORT_BASE=6100 SYSOPS_INTERNAL_SECRET=bench-secret-0123456789abcdef0123456789 \
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/sysops_bench_sms REDIS_URL=redis://127.0.0.1:6379/7 \
 *   node launcher/dist/main.js &
 *   npm run bench:sms -- --port-base 6100 --database-url postgresql://postgres@127.0.0.1:5432/sysops_bench_sms \
 *     --internal-secret bench-secret-0123456789abcdef0123456789
 * The bench adds `--experts` experts (default: room for every ticket with a 20 % margin, at least 30; capacity 50 each, every skill at level 5, on duty around the
 * clock within 500 km of Chicago) so every ticket can be assigned: it inserts their user and profile rows
 * in identity's schema directly (identity has no "create user" API), then sets each full profile through
 * svc-identity's `experts.updateProfile` as the demo admin (a caller token signed with the suite's
 * SYSOPS_INTERNAL_SECRET), so `expert.profile_changed` comes from identity's own code and reaches ticketing's
 * and notification's projections the normal way. Neither these experts nor the tickets are cleaned up:
 * hence the throwaway database. The per-stage breakdown (matching, relay, consumer, send queue) is read from
 * the suite's tables (`--database-url`).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { suitePorts } from "@sysops/config/ports";
import { demoUsers, PRODUCT_CATEGORIES } from "@sysops/demo-data";
import { signCaller } from "@sysops/internal-auth";
import type { NotificationRouter } from "@sysops/svc-notification/api";
import type { IdentityRouter } from "@sysops/svc-identity/api";
import { createServiceClient } from "@sysops/trpc-server/service-client";
import { benchAgent, fileTicket, signInCustomer, type CustomerSession } from "./support/customer-session.ts";
import { cpuPerUnit, cpuSnapshot, formatCpu, machineBusyMs } from "./support/process-cpu.ts";

const arg = (name: string, fallback?: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
};
const portBase = Number(arg("port-base", process.env.SYSOPS_PORT_BASE ?? "3000"));
const ports = suitePorts(portBase);
const gatewayUrl = arg("url", `http://127.0.0.1:${ports.gateway}`);
const databaseUrl = arg("database-url", process.env.DATABASE_URL);
const secret = arg("internal-secret", process.env.SYSOPS_INTERNAL_SECRET);
const rate = Number(arg("rate", "100"));
const seconds = Number(arg("seconds", "10"));
const warmupSeconds = Number(arg("warmup-seconds", "3"));
/** Open assignments each bench expert may hold. */
const EXPERT_CAPACITY = 50;
/** Enough room (assignments stay open) for every ticket of the warm-up and the run, with a margin. */
const expertCount = Number(arg("experts", String(Math.max(30, Math.ceil((rate * (seconds + warmupSeconds) * 1.2) / EXPERT_CAPACITY)))));
const windowMs = Number(arg("window-ms", "10000"));
const customer = demoUsers.customers.find((c) => c.email === arg("customer", "alice.martin@example.com"));
if (!customer) throw new Error("unknown --customer");

const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const admin = demoUsers.admin;
const asAdmin = () => signCaller({ kind: "user", userId: admin.id, role: "admin", name: admin.name }, secret);
const asBench = () => signCaller({ kind: "service", service: "bench-sms" }, secret);
const identity = createServiceClient<IdentityRouter>(`http://127.0.0.1:${ports.service.identity}`, asAdmin);
const notification = createServiceClient<NotificationRouter>(`http://127.0.0.1:${ports.service.notification}`, asBench);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const summary = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
};
const fmt = (ms: number) => (Number.isNaN(ms) ? "-" : ms.toFixed(0)).padStart(7);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Experts who can take any bench ticket right now; returns their ids once both projections have them. */
async function addExperts(count: number): Promise<string[]> {
  const run = randomBytes(3).toString("hex");
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    ids.push(id);
    await pool.query(
      `INSERT INTO identity."User" (id, email, name, "passwordHash", role) VALUES ($1, $2, $3, 'no-login', 'expert')`,
      [id, `bench-${run}-${i}@bench.invalid`, `Bench${run}${i} Expert`],
    );
    await pool.query(
      `INSERT INTO identity."ExpertProfile" ("userId", "homeLat", "homeLon", "radiusKm", capacity, "timeZone") VALUES ($1, 41.8781, -87.6298, 1, 0, 'UTC')`,
      [id],
    );
    await identity.experts.updateProfile.mutate({
      expertId: id,
      phone: `+1999${run}${String(i).padStart(4, "0")}`,
      skills: PRODUCT_CATEGORIES.map((category) => ({ category, level: 5 })),
      homeLat: 41.8781,
      homeLon: -87.6298,
      radiusKm: 500,
      capacity: EXPERT_CAPACITY,
      onDuty: true,
      timeZone: "UTC",
      workingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "00:00", end: "23:59" })),
    });
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await pool.query<{ t: string; n: string }>(
      `SELECT (SELECT count(*) FROM ticketing."ExpertProjection" WHERE "expertId" = ANY($1::uuid[])) AS t,
              (SELECT count(*) FROM notification."ExpertContact" WHERE "expertId" = ANY($1::uuid[])) AS n`,
      [ids],
    );
    if (Number(rows[0]!.t) === count && Number(rows[0]!.n) === count) return ids;
    if (Date.now() > deadline) throw new Error(`experts not projected after 30 s: ${JSON.stringify(rows[0])}`);
    await sleep(200);
  }
}

interface Filed {
  id: string;
  /** The integer, as the SMS text has it (the API shows `T-000123`). */
  number: string;
  /** Wall-clock ms (Date.now()) when the 2xx arrived: comparable with the sink's `receivedAt`. */
  ackAt: number;
}

/** Files `rate` tickets per second for `seconds` on a fixed schedule; returns the 2xx ones. */
async function fileTickets(session: CustomerSession, seconds: number, label: string) {
  const filed: Filed[] = [];
  const createMs: number[] = [];
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const fail = (kind: string) => {
    errors += 1;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const sentAt = performance.now();
    inFlight.push(
      fileTicket(session, `SMS latency bench ${label} ticket ${n}`).then(
        ({ statusCode, ticket }) => {
          const ackAt = Date.now();
          createMs.push(performance.now() - sentAt);
          const digits = ticket && /(\d+)/.exec(ticket.number)?.[1];
          if (statusCode !== 200 || !ticket || !digits) fail(`HTTP ${statusCode}`);
          else filed.push({ id: ticket.id, number: String(Number(digits)), ackAt });
        },
        (error: Error) => fail(error.message),
      ),
    );
  }
  await Promise.all(inFlight);
  return { filed, errors, errorKinds, achieved: (filed.length + errors) / ((performance.now() - started) / 1000), create: summary(createMs) };
}

/** Ticket number → when its assignment SMS reached the sink (wall-clock ms). */
async function smsArrivals(): Promise<Map<string, number>> {
  const messages = await notification.sinks.list.query({ channel: "sms" });
  const arrivals = new Map<string, number>();
  for (const m of messages) {
    const number = /^New assignment: ticket #(\d+)/.exec(m.body)?.[1];
    if (number && !arrivals.has(number)) arrivals.set(number, Date.parse(m.receivedAt));
  }
  return arrivals;
}

/** Polls the sink until every filed ticket's SMS is in or `windowMs` after the last 2xx has passed. */
async function awaitSms(filed: Filed[]): Promise<Map<string, number>> {
  const lastAck = Math.max(...filed.map((f) => f.ackAt));
  let arrivals = new Map<string, number>();
  while (Date.now() < lastAck + windowMs) {
    arrivals = await smsArrivals();
    if (filed.every((f) => arrivals.has(f.number))) break;
    await sleep(500);
  }
  return arrivals;
}

/**
 * Where the time goes, per ticket, from the suite's own timestamps (all on this machine's clock): ticketing's
 * outbox rows (`occurredAt` written with the change, `publishedAt` stamped by the relay after XADD; ticketing
 * takes `ticket.created` as a signal, with no inbox row, so "consumer + matching" is one stage) and notification's `Message`
 * (`createdAt`: PostgreSQL's now(), the start of the consumer's transaction; `sentAt`: recorded once the provider
 * accepted the message, normally by the first try straight after that transaction's commit, see dispatcher.ts).
 */
async function stages(ticketIds: string[]) {
  const { rows } = await pool.query<Record<string, number>>(
    `SELECT extract(epoch FROM (c."publishedAt" - t."createdAt")) * 1000 AS "created → ticket.created published (relay)",
            extract(epoch FROM (a."occurredAt" - c."publishedAt")) * 1000 AS "→ assigned (consumer signal, matching interval + run)",
            extract(epoch FROM (a."publishedAt" - a."occurredAt")) * 1000 AS "→ ticket.assigned published (relay)",
            extract(epoch FROM (m."createdAt" - a."publishedAt")) * 1000 AS "→ notification consumer's transaction begins",
            extract(epoch FROM (m."sentAt" - m."createdAt")) * 1000 AS "→ sent (commit, then the first try)"
       FROM ticketing."Ticket" t
       JOIN ticketing."OutboxEvent" c ON c."aggregateId" = t.id AND c.type = 'ticket.created'
       JOIN ticketing."OutboxEvent" a ON a."aggregateId" = t.id AND a.type = 'ticket.assigned'
       JOIN notification."Message" m ON m."eventId" = a.id AND m.channel = 'sms'
      WHERE t.id = ANY($1::uuid[]) AND m."sentAt" IS NOT NULL`,
    [ticketIds],
  );
  const names = Object.keys(rows[0] ?? {});
  return Object.fromEntries(names.map((name) => [name, summary(rows.map((r) => Number(r[name])))]));
}

console.log(`suite: gateway ${gatewayUrl}, port base ${portBase}; offering ${rate} tickets/s for ${seconds} s as ${customer.email}`);
const setupStarted = performance.now();
const experts = await addExperts(expertCount);
console.log(`${experts.length} bench experts (capacity ${EXPERT_CAPACITY} each) projected by ticketing and notification in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

const session = await signInCustomer(gatewayUrl, customer.email);
if (warmupSeconds > 0) {
  const warmup = await fileTickets(session, warmupSeconds, "warm-up");
  const warmArrivals = await awaitSms(warmup.filed);
  const unsent = warmup.filed.filter((f) => !warmArrivals.has(f.number)).length;
  console.log(`warm-up (not measured): ${warmup.filed.length} tickets in ${warmupSeconds} s, ${warmup.errors} errors, ${unsent} without SMS`);
  await sleep(1000);
}
const cpuBefore = cpuSnapshot(portBase);
const machineBefore = machineBusyMs();
const run = await fileTickets(session, seconds, "measured");
console.log(`filed: ${run.filed.length} 2xx, ${run.errors} errors, ${run.achieved.toFixed(1)}/s achieved; customer.fileTicket ms p50 ${run.create.p50.toFixed(0)} p99 ${run.create.p99.toFixed(0)}`);
if (run.errors > 0) console.log(`errors: ${JSON.stringify(Object.fromEntries(run.errorKinds))}`);

const arrivals = await awaitSms(run.filed);
const cpuRows = cpuPerUnit(cpuBefore, cpuSnapshot(portBase), run.filed.length);
const machinePerTicket = (machineBusyMs() - machineBefore) / run.filed.length;
const latencies: number[] = [];
let missing = 0;
for (const f of run.filed) {
  const at = arrivals.get(f.number);
  if (at === undefined) missing += 1;
  else latencies.push(at - f.ackAt);
}
const s = summary(latencies);
console.log(`\ncreated (2xx) → expert's SMS in the sink, ms (n = ${s.n}):`);
console.log(`    p50     p95     p99     max  never SMS'd within ${windowMs} ms`);
console.log(`${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.p99)} ${fmt(s.max)}  ${missing}`);
console.log(`target p99 < 200 ms: ${s.p99 < 200 && missing === 0 ? "met" : "MISSED"}`);
console.log(`\nCPU ms per ticket filed, from the first filing until the SMS were in (PostgreSQL and Redis: every server process on the machine):\n${formatCpu(cpuRows)}`);
console.log(`whole machine busy (every process, this bench's included): ${machinePerTicket.toFixed(2)} ms per ticket`);

console.log("\nwhere the time goes (ms, from the suite's timestamps):");
console.log(`${"stage".padEnd(62)}     p50     p95     p99     max`);
for (const [stage, v] of Object.entries(await stages(run.filed.map((f) => f.id)))) {
  console.log(`${stage.padEnd(62)} ${fmt(v.p50)} ${fmt(v.p95)} ${fmt(v.p99)} ${fmt(v.max)}`);
}
await pool.end();
await benchAgent.close();
