/**
 * Why the relay is woken in-process and not by PostgreSQL NOTIFY (README, "Woken at commit"): commits of
 * one-row outbox inserts per second, `CONCURRENCY` clients at once, with and without an `ON INSERT … DO ALSO
 * NOTIFY` rule on the table, alternating for `ROUNDS` rounds of `SECONDS`. A NOTIFYing transaction takes a
 * cluster-wide lock from just before its commit until the commit is flushed, so such commits run one at a time.
 * Uses a fresh test database (`@sysops/db/test-database`).
 *   npx tsx src/relay-notify-cost.bench.ts   (env: CONCURRENCY=10 SECONDS=4 ROUNDS=3)
 */
import pg from "pg";
import { createTestDatabase } from "@sysops/db/test-database";
import { withoutSchemaParam } from "./sql-identifier.ts";

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 4);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const database = await createTestDatabase();
const pool = new pg.Pool({ connectionString: withoutSchemaParam(database.url), max: CONCURRENCY });

async function commitsPerSecond(): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let commits = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          await client.query("BEGIN");
          await client.query(`INSERT INTO outbox (payload) VALUES ('{"n":1}')`);
          await client.query("COMMIT");
          commits += 1;
        }
      } finally {
        client.release();
      }
    }),
  );
  return commits / SECONDS;
}

try {
  await pool.query(`CREATE TABLE outbox (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), payload jsonb NOT NULL)`);
  const { rows } = await pool.query<{ version: string }>("SELECT current_setting('server_version') AS version");
  console.log(`PostgreSQL ${rows[0]?.version}, ${CONCURRENCY} concurrent clients, ${SECONDS} s per measurement`);
  await commitsPerSecond(); // warm-up
  for (let round = 1; round <= ROUNDS; round += 1) {
    await pool.query(`CREATE RULE notify_relay AS ON INSERT TO outbox DO ALSO NOTIFY bench_outbox`);
    const withRule = await commitsPerSecond();
    await pool.query(`DROP RULE notify_relay ON outbox`);
    const without = await commitsPerSecond();
    console.log(`round ${round}: with the NOTIFY rule ${withRule.toFixed(0)} commits/s, without ${without.toFixed(0)} commits/s`);
  }
} finally {
  await pool.end();
  await database.drop();
}
