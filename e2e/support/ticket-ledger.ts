/**
 * Reads ticketing's tables directly (the e2e suite's own database) to check what a burst of creations left
 * behind: statuses, and side effects that must have happened exactly once.
 */
import pg from "pg";
import { suiteEnv } from "./suite-env.ts";

export async function withSuiteDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: suiteEnv.databaseUrl });
  // A PostgreSQL restart cuts the connection; its "error" event must not crash the test worker (the query fails).
  db.on("error", () => {});
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Status of each given ticket that exists. */
export async function ticketStatuses(db: pg.Client, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; status: string }>(`SELECT id, status::text FROM ticketing."Ticket" WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** Ids of tickets whose description carries `tag` (every ticket of the burst, whether its caller heard back or not). */
export async function taggedTicketIds(db: pg.Client, tag: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM ticketing."Ticket" WHERE description LIKE $1`, [`%(${tag})`]);
  return rows.map((r) => r.id);
}

export interface SideEffectCounts {
  createdEvents: Map<string, number>;
  creationTransitions: Map<string, number>;
  activeAssignments: Map<string, number>;
  /** `ticket.assigned` events: nothing in these tests rejects or reopens, so at most one. */
  assignedEvents: Map<string, number>;
}

async function countBy(db: pg.Client, sql: string, ids: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: string; n: string }>(sql, [ids]);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function sideEffectCounts(db: pg.Client, ids: string[]): Promise<SideEffectCounts> {
  const outbox = (type: string) =>
    countBy(db, `SELECT "aggregateId" AS id, count(*) AS n FROM ticketing."OutboxEvent" WHERE type = '${type}' AND "aggregateId" = ANY($1::uuid[]) GROUP BY 1`, ids);
  const transitions = (where: string) =>
    countBy(db, `SELECT "ticketId" AS id, count(*) AS n FROM ticketing."TicketTransition" WHERE ${where} AND "ticketId" = ANY($1::uuid[]) GROUP BY 1`, ids);
  return {
    createdEvents: await outbox("ticket.created"),
    assignedEvents: await outbox("ticket.assigned"),
    creationTransitions: await transitions(`"fromStatus" IS NULL`),
    activeAssignments: await countBy(db, `SELECT "ticketId" AS id, count(*) AS n FROM ticketing."Assignment" WHERE status = 'active' AND "ticketId" = ANY($1::uuid[]) GROUP BY 1`, ids),
  };
}
