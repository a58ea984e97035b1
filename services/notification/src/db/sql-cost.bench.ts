/**
 * CPU per statement: Prisma Client's `$queryRaw` and interactive `$transaction` (statements named as in
 * production, @sysops/db/connection) against the hot-path pool (@sysops/db/sql), on a scratch database with this
 * service's schema. Prints µs of this process's CPU per call, warm (the second of two rounds).
 * Run: `npx tsx src/db/sql-cost.bench.ts` in services/notification (PostgreSQL at TEST_DATABASE_URL /
 * DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { createSqlPool } from "@sysops/db/sql";
import { createTestDatabase } from "@sysops/db/test-database";
import { Prisma } from "../generated/prisma/client.ts";
import { createDb } from "./client.ts";
import { migrate } from "./lifecycle.ts";

const N = 3_000;
const testDb = await createTestDatabase();
await migrate(testDb.url);
const db = createDb(testDb.url);
const sql = createSqlPool(testDb.url, { max: 4 });
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function measure(label: string, calls: number, call: () => Promise<unknown>) {
  const before = cpuMs();
  for (let i = 0; i < calls; i++) await call();
  return `${label.padEnd(40)} ${(((cpuMs() - before) / calls) * 1000).toFixed(0).padStart(5)} µs`;
}
const contact = (id: string) => Prisma.sql`SELECT name, email FROM "notification"."CustomerContact" WHERE "customerId" = ${id}::uuid`;
const id = "7d1f6a43-5a8e-4c8e-9a51-0d2f3c1b9e11";
try {
  for (const round of [1, 2]) {
    const lines = [
      await measure("Prisma $queryRaw", N, () => db.$queryRaw(contact(id))),
      await measure("sql pool query", N, () => sql.query(contact(id))),
      await measure("Prisma $transaction of 2 statements", N / 10, () =>
        db.$transaction(async (tx) => {
          await tx.$queryRaw(contact(id));
          await tx.$queryRaw(contact(id));
        }),
      ),
      await measure("sql pool transaction of 2 statements", N / 10, () =>
        sql.transaction(async (tx) => {
          await tx.query(contact(id));
          await tx.query(contact(id));
        }),
      ),
    ];
    if (round === 2) console.log(lines.join("\n"));
  }
} finally {
  await db.$disconnect();
  await sql.end();
  await testDb.drop();
}
