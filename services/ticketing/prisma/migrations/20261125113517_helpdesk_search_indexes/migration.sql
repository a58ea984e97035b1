-- Hand-written: the helpdesk search's indexes (src/tickets/ticket-search.ts). Partial indexes cannot be
-- expressed in Prisma's schema, so the whole set lives here (the schema snapshot is the previous one, unchanged).
-- Every index ends in ("createdAt", number): the search's keyset order (newest first, number breaks ties),
-- so each filter reads its first page straight off an index and the next page starts at the cursor.

-- No filter / date range only.
CREATE INDEX "Ticket_createdAt_number_idx" ON "Ticket" ("createdAt", "number");
-- One status.
CREATE INDEX "Ticket_status_createdAt_number_idx" ON "Ticket" ("status", "createdAt", "number");
-- One product category.
CREATE INDEX "Ticket_productCategory_createdAt_number_idx" ON "Ticket" ("productCategory", "createdAt", "number");
-- SLA state: "warning" only happens to open tickets (a target runs), "breached" to few: both small slices.
CREATE INDEX "Ticket_open_createdAt_number_idx" ON "Ticket" ("createdAt", "number") WHERE "status" IN ('new', 'assigned', 'accepted', 'in_progress');
CREATE INDEX "Ticket_breached_createdAt_number_idx" ON "Ticket" ("createdAt", "number") WHERE "slaBreached";
