-- Hand-written (Prisma's schema cannot express trigram indexes without the postgresqlExtensions preview).
-- Substring search (ILIKE '%…%') on these columns is served by GIN trigram indexes. The extension is
-- database-wide, so it lives in "public" and every service's migration only creates it if missing.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX "Customer_name_trgm_idx" ON "Customer" USING gin ("name" public.gin_trgm_ops);
CREATE INDEX "Customer_email_trgm_idx" ON "Customer" USING gin ("email" public.gin_trgm_ops);
CREATE INDEX "Customer_phone_trgm_idx" ON "Customer" USING gin ("phone" public.gin_trgm_ops);
