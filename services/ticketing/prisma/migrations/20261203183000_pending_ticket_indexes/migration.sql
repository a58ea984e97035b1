-- Hand-written: partial indexes cannot be expressed in Prisma's schema, so the schema snapshot is the
-- previous migration's, unchanged.

-- What a matching run loads (matching-run.ts, loadInput): `new` tickets past their assign target, and `new`
-- tickets of the categories an available expert serves (or of the ids just filed: the primary key). Without
-- these the run read every `new` ticket through the status index and filtered: during a spike that pushed
-- PostgreSQL to a core of its own at 200 tickets/s.
CREATE INDEX "Ticket_new_assignDueAt_idx" ON "Ticket" ("assignDueAt") WHERE "status" = 'new';
CREATE INDEX "Ticket_new_productCategory_idx" ON "Ticket" ("productCategory") WHERE "status" = 'new';
