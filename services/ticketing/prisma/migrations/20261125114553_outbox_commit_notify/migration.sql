-- Hand-written (a Prisma schema cannot express this), the snapshot is the previous migration snapshot.
-- Wakes the outbox relay at COMMIT instead of at its next poll: the @sysops/events relay LISTENs on
-- "sysops_outbox_<schema>" (outbox-wakeup.ts). PostgreSQL delivers the notification at commit, never for a
-- rolled-back insert, and folds repeats within one transaction into one.
-- A rule rather than a trigger: the migration runner (adapter-pg executeScript) splits scripts on every
-- semicolon, which a PL/pgSQL trigger function cannot do without. So no semicolons in these comments either.
CREATE RULE "OutboxEvent_notify_relay" AS ON INSERT TO "OutboxEvent" DO ALSO NOTIFY "sysops_outbox_ticketing"
