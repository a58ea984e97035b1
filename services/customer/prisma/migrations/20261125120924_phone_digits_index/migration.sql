-- Hand-written (an expression index Prisma's schema cannot express). Callers read their phone number out in
-- any format: search-customers.ts matches the digits alone, served by this trigram index over them.
CREATE INDEX "Customer_phone_digits_trgm_idx" ON "Customer" USING gin ((regexp_replace("phone", '[^0-9]', '', 'g')) public.gin_trgm_ops);
