-- Hand-written: a partial index cannot be expressed in Prisma's schema, so the schema snapshot is the
-- previous migration's, unchanged.

-- The outbox relay's poll asks for unpublished rows every second: without this it walked the primary key
-- over every published row (all of them, until pruning) to find the few unpublished ones.
CREATE INDEX "OutboxEvent_unpublished_idx" ON "OutboxEvent" ("id") WHERE "publishedAt" IS NULL;
