/**
 * Ticket-creation benchmark (issue 3, item 9): creation as the portal files it (`customer.fileTicket`) through
 * gateway → bff-ticketing → svc-ticketing (→ svc-customer for plan and product) → PostgreSQL (ticket +
 * transition + outbox row, atomically), at fixed offered rates (open loop: requests
 * are sent on schedule whatever the answers), beside a raw single-row PostgreSQL insert measured in the same run.
 *
 * Needs a running suite (`npm start`); run: `npm run bench:tickets -- [--url http://127.0.0.1:3000]
 * [--database-url postgresql://…/sysops] [--rates 50,100,200] [--rate-seconds 30] [--seconds 10] [--concurrency 32] [--rounds 3] [--warmup 200]`.
 * `--database-url` is the suite's database (for the raw-insert baseline, done in a scratch table it drops
 * afterwards, after the suite's phases: measured first, its aftermath lengthened the first rate's tail). After the fixed rates, a closed-loop phase (`--concurrency` requests always in flight, 0 skips
 * it) measures the highest sustained creation rate: the figure to compare with the raw insert rate (an
 * offered-rate row can never exceed its offered rate); it runs `--rounds` times, each round followed by a raw
 * insert measurement, and the median round's ratio is the figure. Before the measured phases, `--warmup` creations (8 in
 * flight, not measured) let the processes compile their hot paths and Prisma cache its query plans, so the
 * first rate does not pay for a fresh start. After the table it prints the CPU each process spent per
 * creation in each phase (from /proc: Linux only), which is what bounds the rate on a small machine.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { demoUsers } from "@sysops/demo-data";
import { cpuPerUnit, cpuSnapshot, formatCpu, machineBusyMs } from "./support/process-cpu.ts";
import { benchAgent, fileTicket, signInCustomer, type CustomerSession } from "./support/customer-session.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const baseUrl = arg("url", "http://127.0.0.1:3000");
const databaseUrl = arg("database-url", process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/sysops_dev");
const rates = arg("rates", "50,100,200").split(",").map(Number);
const seconds = Number(arg("seconds", "10"));
// Decision: each offered rate runs 30 s (the closed loop and the raw inserts keep `--seconds`). In a 10-s phase
// at 200/s the p99 is the 20th slowest of 2 000 requests, and one stall of ~100 ms anywhere on the machine
// (a GC pause or a burst of background work while two cores are shared by 13 processes and PostgreSQL) slows
// about 20 requests: one such moment decided the phase's p99 either way. Over 30 s the p99 is the 60th slowest
// of 6 000, i.e. it says how often stalls happen rather than whether one did.
const rateSeconds = Number(arg("rate-seconds", "30"));
const concurrency = Number(arg("concurrency", "32"));
const warmup = Number(arg("warmup", "200"));
const rounds = Number(arg("rounds", "3"));
const portBase = Number(new URL(baseUrl).port || 80);

const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : undefined);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function createTicket(session: CustomerSession, n: number): Promise<number> {
  const started = performance.now();
  const { statusCode } = await fileTicket(session, `Benchmark ticket ${n}`);
  if (statusCode !== 200) throw new Error(`HTTP ${statusCode}`);
  return performance.now() - started;
}

/** Sends `rate` requests per second for `rateSeconds` on a fixed schedule and reports what came back. */
async function offer(rate: number, send: (n: number) => Promise<number>) {
  const total = rate * rateSeconds;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(n).then((ms) => void latencies.push(ms), () => void (errors += 1)));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate, achieved: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

/** Keeps `inFlight` requests going for `seconds`: the highest rate the suite sustains. */
async function closedLoop(inFlight: number, send: (n: number) => Promise<number>) {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) {
        await send(n++).then((ms) => void latencies.push(ms), () => void (errors += 1));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { achieved: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

/**
 * Raw baseline: single-row inserts (autocommit) from `connections` connections, as fast as they go. Printed
 * twice: one connection (a plain `pg` loop, like pgbench's default single client) and 16 connections (what
 * PostgreSQL alone can absorb on this machine). Which one "25 % of the raw rate" means is not settled by the
 * issue; both ratios are printed.
 */
async function rawInsertRate(connections: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  await pool.query("CREATE TABLE IF NOT EXISTS public.bench_raw_insert (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())");
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await pool.query("INSERT INTO public.bench_raw_insert (body) VALUES ($1)", [`row ${done}`]);
        done += 1;
      }
    }),
  );
  await pool.query("DROP TABLE public.bench_raw_insert");
  await pool.end();
  return done / seconds;
}

const sessions = await Promise.all(demoUsers.customers.map((c) => signInCustomer(baseUrl, c.email)));
const rows: { offered: string; r: { achieved: number; p50: number; p99: number; errors: number } }[] = [];
const printRow = (offered: string, r: { achieved: number; p50: number; p99: number; errors: number }) => {
  rows.push({ offered, r });
  console.log(`${offered.padStart(9)}  ${r.achieved.toFixed(1).padStart(10)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${String(r.errors).padStart(6)}`);
};
let warmed = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (warmed < warmup) await createTicket(sessions[warmed % sessions.length]!, warmed++).catch(() => undefined);
  }),
);
console.log(`warm-up: ${warmup} creations, not measured`);
console.log("offered/s  achieved/s  p50 ms  p99 ms  errors");
const cpuLines: string[] = [];
/** Runs a phase and notes the suite's CPU per creation in it (read from /proc; see support/process-cpu.ts). */
async function measured<R extends { achieved: number }>(label: string, phase: () => Promise<R>): Promise<R> {
  const before = cpuSnapshot(portBase);
  const machineBefore = machineBusyMs();
  const startedAt = performance.now();
  const result = await phase();
  const created = (result.achieved * (performance.now() - startedAt)) / 1000;
  const machine = (machineBusyMs() - machineBefore) / created;
  cpuLines.push(`${label.padStart(9)}  ${formatCpu(cpuPerUnit(before, cpuSnapshot(portBase), created))}; whole machine ${machine.toFixed(2)}`);
  return result;
}
for (const rate of rates) {
  printRow(String(rate), await measured(String(rate), () => offer(rate, (n) => createTicket(sessions[n % sessions.length]!, n))));
}

// The closed loop, each round paired with the raw single-row insert right after it: this machine's speed drifts
// by tens of % within minutes (the raw rate alone was 2 900 and 4 300 rows/s in two runs 3 minutes apart), so a
// round compares creation with raw inserts measured seconds apart, and the median round is the figure. The raw
// inserts come after the suite's phases: 10 s of them leave WAL to write back and a table to vacuum, which
// measured first made the first rate's tail several times longer.
const paired: { achieved: number; raw: number }[] = [];
if (concurrency > 0) {
  for (let round = 1; round <= rounds; round++) {
    const label = `max@${concurrency}${rounds > 1 ? ` #${round}` : ""}`;
    const r = await measured(label, () => closedLoop(concurrency, (n) => createTicket(sessions[n % sessions.length]!, n)));
    printRow(label, r);
    paired.push({ achieved: r.achieved, raw: await rawInsertRate(1) });
  }
}
const raw = await rawInsertRate(16);
const rawSerial = median(paired.map((p) => p.raw)) ?? (await rawInsertRate(1));
console.log(`\nraw PostgreSQL single-row insert (measured after the phases above): ${rawSerial.toFixed(0)} rows/s on 1 connection${paired.length > 1 ? " (median of the rounds)" : ""}, ${raw.toFixed(0)} rows/s on 16 connections`);
console.log("offered/s  achieved/s  % raw(1)  % raw(16)");
for (const { offered, r } of rows) {
  console.log(`${offered.padStart(9)}  ${r.achieved.toFixed(1).padStart(10)}  ${((100 * r.achieved) / rawSerial).toFixed(1).padStart(8)}  ${((100 * r.achieved) / raw).toFixed(1).padStart(9)}`);
}
if (paired.length > 0) {
  console.log("\nclosed loop against the raw insert on 1 connection measured right after it, per round:");
  console.log("round  creations/s  raw(1) rows/s  % raw(1)");
  paired.forEach((p, i) => console.log(`${String(i + 1).padStart(5)}  ${p.achieved.toFixed(1).padStart(11)}  ${p.raw.toFixed(0).padStart(13)}  ${((100 * p.achieved) / p.raw).toFixed(1).padStart(8)}`));
  const ratio = median(paired.map((p) => (100 * p.achieved) / p.raw))!;
  console.log(`median round: ${ratio.toFixed(1)} % of raw(1) (target ≥ 25 %: ${ratio >= 25 ? "met" : "missed"})`);
}
console.log("\nCPU ms per creation, by process (PostgreSQL and Redis: every server process on the machine), and the whole machine busy (this bench included):");
for (const line of cpuLines) console.log(line);
await benchAgent.close();
