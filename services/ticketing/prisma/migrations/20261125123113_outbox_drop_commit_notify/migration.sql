-- Hand-written (a Prisma schema cannot express rules), the snapshot is the previous migration snapshot.
-- Drops the NOTIFY rule of outbox_commit_notify. A NOTIFYing transaction takes a cluster-wide lock at
-- COMMIT, so every ticket create and transition committed one at a time: 10 concurrent in-process creates
-- ran at 34 tx/s with the rule and 116 without. The relay is now woken in-process right after the commit
-- (relay.wake() in @sysops/events, called through src/outbox/relay-wake.ts), and its 50 ms poll picks up
-- rows written by a process without a relay.
-- No semicolons in these comments: the migration runner splits scripts on every semicolon.
DROP RULE IF EXISTS "OutboxEvent_notify_relay" ON "OutboxEvent"
