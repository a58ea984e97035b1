/**
 * The helpdesk's search over all tickets: filters (status, product category, creation date range, SLA state,
 * free text = ticket number or customer name) and **keyset paging**, newest first.
 *
 * Paging: order by (createdAt DESC, number DESC) — `number` is unique, so the pair is a total order — and the
 * cursor is the last row's pair; the next page is `(createdAt, number) < cursor`. No OFFSET: page 500 costs
 * what page 1 costs. Every filter has an index that serves this order (migration `helpdesk_search_indexes`:
 * (createdAt, number), (status, createdAt, number), (productCategory, createdAt, number), partial indexes for
 * open and breached tickets; the customer-name trigram index for free text). `bench/seed-million-tickets.ts`
 * and its EXPLAIN ANALYZE output show the plans on a million rows.
 *
 * SLA state, as sla-plan.ts defines the timers: `breached` once a breach fired (`slaBreached`, sticky) or
 * while the running target (assign while new, accept while assigned, resolve while accepted/in progress) is
 * past due; `warning` when not breached and the running target is past its warning time (due − 20 % of the
 * target); `ok` otherwise. Computed from the ticket row at query time (no extra column to keep in step with
 * every transition). The conditions name the open statuses explicitly, so the partial indexes (open tickets,
 * breached tickets) serve them.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { DB_SCHEMA } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { TicketStatus } from "../generated/prisma/enums.ts";
import { WARNING_SHARE } from "../sla/sla-plan.ts";
import { parseTicketNumber } from "./ticket-number.ts";
import { ticketViewSelect, toTicketView, type TicketView } from "./ticket-view.ts";

export const SLA_STATES = ["ok", "warning", "breached"] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const TICKET_SEARCH_MAX = 100;

const CURSOR = /^(\d{1,15})_(\d{1,12})$/;

/** The opaque cursor of a row: where the next page starts (exclusive). */
export const cursorOf = (row: { createdAt: Date; number: number }) => `${row.createdAt.getTime()}_${row.number}`;

const parseCursor = (cursor: string) => {
  const [, ms, number] = CURSOR.exec(cursor)!;
  return { createdAt: new Date(Number(ms)), number: Number(number) };
};

export const ticketSearchInput = z
  .object({
    status: z.enum(TicketStatus).optional(),
    productCategory: z.string().trim().min(1).max(50).optional(),
    /** Inclusive bounds on the creation time. */
    createdFrom: z.iso.datetime({ offset: true, message: "Not a date" }).optional(),
    createdTo: z.iso.datetime({ offset: true, message: "Not a date" }).optional(),
    sla: z.enum(SLA_STATES).optional(),
    /** A ticket number (`T-000012`, `12`) or part of a customer's name. */
    text: z.string().trim().min(2, "Type at least 2 characters").max(100, "Keep the search under 100 characters").optional(),
    after: z.string().regex(CURSOR, "Not a page cursor").optional(),
    limit: z.number().int().min(1).max(TICKET_SEARCH_MAX).default(25),
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, { message: "The start date must not be after the end date", path: ["createdTo"] });
export type TicketSearchInput = z.input<typeof ticketSearchInput>;

export interface TicketSearchRow extends TicketView {
  slaState: SlaState;
}

export interface TicketSearchPage {
  items: TicketSearchRow[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

const OPEN_STATUSES = ["new", "assigned", "accepted", "in_progress"] as const;

/**
 * True when the running target is past `due − share × target` (SQL over the ticket row `t`; a NULL due time
 * counts as not past). share 0.2 → past the warning time, share 0 → past the due time.
 */
const pastSql = (now: Date, share: string) => {
  const past = (due: string, minutes: string) =>
    Prisma.raw(`(t."${due}" IS NOT NULL AND t."${due}" - make_interval(mins => t."${minutes}") * ${share} <= `);
  return Prisma.sql`(
    (t.status = 'new' AND ${past("assignDueAt", "assignTargetMinutes")}${now}))
    OR (t.status = 'assigned' AND ${past("acceptDueAt", "acceptTargetMinutes")}${now}))
    OR (t.status IN ('accepted', 'in_progress') AND ${past("resolveDueAt", "resolveTargetMinutes")}${now}))
  )`;
};
const openSql = Prisma.raw(`t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})`);
/** Open status named explicitly, so the planner can use the partial index on open tickets. */
const pastWarningSql = (now: Date) => Prisma.sql`(${openSql} AND ${pastSql(now, (1 - WARNING_SHARE).toFixed(4))})`;
const pastDueSql = (now: Date) => Prisma.sql`(${openSql} AND ${pastSql(now, "0")})`;

/** Breached: marked by a breach firing, or past due now (the firing may be a moment behind). */
const breachedSql = (now: Date) => Prisma.sql`(t."slaBreached" OR ${pastDueSql(now)})`;

function slaCondition(state: SlaState, now: Date): Prisma.Sql {
  if (state === "breached") return breachedSql(now);
  if (state === "warning") return Prisma.sql`NOT ${breachedSql(now)} AND ${pastWarningSql(now)}`;
  return Prisma.sql`NOT ${breachedSql(now)} AND NOT ${pastWarningSql(now)}`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(input: z.output<typeof ticketSearchInput>, now: Date): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (input.status) where.push(Prisma.sql`t.status = ${input.status}::"${Prisma.raw(DB_SCHEMA)}"."TicketStatus"`);
  if (input.productCategory) where.push(Prisma.sql`t."productCategory" = ${input.productCategory}`);
  if (input.createdFrom) where.push(Prisma.sql`t."createdAt" >= ${new Date(input.createdFrom)}`);
  if (input.createdTo) where.push(Prisma.sql`t."createdAt" <= ${new Date(input.createdTo)}`);
  if (input.sla) where.push(slaCondition(input.sla, now));
  if (input.text) {
    const number = parseTicketNumber(input.text);
    where.push(number === null ? Prisma.sql`t."customerName" ILIKE ${`%${escapeLike(input.text)}%`}` : Prisma.sql`t.number = ${number}`);
  }
  if (input.after) {
    const cursor = parseCursor(input.after);
    where.push(Prisma.sql`(t."createdAt", t.number) < (${cursor.createdAt}, ${cursor.number})`);
  }
  return where;
}

/** The SQL of one page (ids only); exported for the bench's EXPLAIN ANALYZE. */
export function ticketSearchSql(input: z.output<typeof ticketSearchInput>, now: Date): Prisma.Sql {
  const where = conditions(input, now);
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  return Prisma.sql`SELECT t.id, ${breachedSql(now)} AS breached, ${pastWarningSql(now)} AS warning
    FROM "${Prisma.raw(DB_SCHEMA)}"."Ticket" t ${whereSql}
    ORDER BY t."createdAt" DESC, t.number DESC
    LIMIT ${input.limit + 1}`;
}

export async function searchAllTickets(db: Db, input: z.output<typeof ticketSearchInput>, now: Date): Promise<TicketSearchPage> {
  const hits = await db.$queryRaw<{ id: string; breached: boolean; warning: boolean }[]>(ticketSearchSql(input, now));
  const page = hits.slice(0, input.limit);
  const rows = await db.ticket.findMany({ where: { id: { in: page.map((h) => h.id) } }, select: ticketViewSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = page.flatMap((hit) => {
    const row = byId.get(hit.id);
    if (!row) return []; // deleted between the two reads
    const slaState: SlaState = hit.breached ? "breached" : hit.warning ? "warning" : "ok";
    return [{ ...toTicketView(row), slaState }];
  });
  const last = page.at(-1) && byId.get(page.at(-1)!.id);
  return { items, nextCursor: hits.length > input.limit && last ? cursorOf(last) : null };
}
