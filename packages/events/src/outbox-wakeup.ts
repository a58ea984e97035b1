/**
 * Wakes the outbox relay when rows are committed, instead of leaving them until its next poll. A producing
 * service's migration adds a rule on its `OutboxEvent` table,
 * `CREATE RULE … AS ON INSERT TO "OutboxEvent" DO ALSO NOTIFY "sysops_outbox_<schema>"` (a rule, not a
 * trigger: the migration runner splits scripts on every semicolon, see services/ticketing's
 * `outbox_commit_notify` migration). PostgreSQL delivers the notification at COMMIT (never for a rolled-back
 * insert) and folds repeats within one transaction into one. The relay LISTENs on one dedicated connection
 * and keeps polling at its idle interval as a safety net (a schema without the rule, e.g. identity, whose
 * events are rare; a notification missed while this connection was being re-established). NOTIFY takes a
 * brief global lock at commit: fine at hundreds of commits per second, to be revisited at many thousands.
 * @see https://www.postgresql.org/docs/current/sql-notify.html
 */
import pg from "pg";
import type { Logger } from "@sysops/logger";
import { backoffMs, createSleeper } from "./sleeper.ts";

/** The channel the producers' rule notifies: `sysops_outbox_<schema>` (see the ticketing migration). */
export const outboxChannel = (schema: string) => `sysops_outbox_${schema}`;

export interface OutboxWakeup {
  close(): Promise<void>;
}

/** LISTENs until closed, re-connecting with backoff after a lost connection (PostgreSQL restart). */
export function listenForOutboxCommits(opts: { connectionString: string; schema: string; logger: Logger; onCommit: () => void }): OutboxWakeup {
  const { schema, logger } = opts;
  const channel = outboxChannel(schema);
  const sleeper = createSleeper();
  let closed = false;
  let client: pg.Client | undefined;
  let lost: (() => void) | undefined;

  async function listenOnce(): Promise<void> {
    const c = new pg.Client({ connectionString: opts.connectionString, application_name: "sysops-outbox-relay-listen" });
    client = c;
    const ended = new Promise<void>((resolve) => {
      lost = resolve;
      c.on("error", (error) => {
        logger.debug({ err: error, schema }, "outbox relay: notification connection lost");
        resolve();
      });
      c.on("end", () => resolve());
    });
    c.on("notification", (message) => {
      if (message.channel === channel) opts.onCommit();
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      // Rows committed while not listening are found by the relay's next poll; wake it once to be quick.
      opts.onCommit();
      await ended;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  const running = (async () => {
    let failures = 0;
    while (!closed) {
      const started = Date.now();
      try {
        await listenOnce();
      } catch (error) {
        if (!closed) logger.warn({ err: error, schema }, "outbox relay: LISTEN failed, polling until it is back");
      }
      if (closed) return;
      failures = Date.now() - started > 10_000 ? 1 : failures + 1;
      await sleeper.sleep(backoffMs(failures));
    }
  })();

  return {
    async close() {
      closed = true;
      sleeper.wake();
      lost?.();
      await running;
      await client?.end().catch(() => undefined);
    },
  };
}
