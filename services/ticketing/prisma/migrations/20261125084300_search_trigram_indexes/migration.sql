-- Hand-written (Prisma's schema cannot express trigram indexes without the postgresqlExtensions preview).
-- Substring search (ILIKE '%…%') on these columns is served by GIN trigram indexes. The extension is
-- database-wide, so it lives in "public" and every service's migration only creates it if missing.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX "Ticket_customerName_trgm_idx" ON "Ticket" USING gin ("customerName" public.gin_trgm_ops);
