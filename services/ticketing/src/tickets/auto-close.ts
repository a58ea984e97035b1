/**
 * A resolved ticket the customer neither confirmed nor reopened closes by itself once its 7-day reopen
 * window has passed. Safe to run in several processes at once: each close is version-guarded.
 */
import { DomainError } from "@sysops/domain-errors";
import type { Clock } from "@sysops/events/clock";
import type { Logger } from "@sysops/logger";
import type { Db } from "../db/client.ts";
import { REOPEN_WINDOW_MS } from "./state-machine.ts";
import { transitionTicket } from "./transition-ticket.ts";

const BATCH = 500;

export async function autoCloseResolved(db: Db, clock: Clock, logger: Logger): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - REOPEN_WINDOW_MS);
  const due = await db.ticket.findMany({ where: { status: "resolved", resolvedAt: { lt: cutoff } }, select: { id: true, version: true }, take: BATCH });
  let closed = 0;
  for (const t of due) {
    try {
      await transitionTicket({ db, clock, logger }, { ticketId: t.id, action: "autoClose", expectedVersion: t.version, actor: { kind: "system", id: "auto-close" }, channel: "system" });
      closed++;
    } catch (error) {
      // Reopened, confirmed or closed by another process meanwhile.
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return closed;
}

/** Runs `autoCloseResolved` every `everyMs`; returns a stop function. */
export function startAutoClose(db: Db, clock: Clock, logger: Logger, everyMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = autoCloseResolved(db, clock, logger).catch((error: unknown) => logger.error({ err: error }, "auto-close sweep failed"));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
