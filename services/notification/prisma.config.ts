// Prisma CLI configuration. Prisma 7 does not read .env; the URL matters only for CLI commands that touch
// the database (the suite migrates through @sysops/db instead), so a local default is enough.
// @see https://www.prisma.io/docs/orm/reference/prisma-config-reference
import { defineConfig } from "prisma/config";

const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = new URL(base);
url.searchParams.set("schema", "notification");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: url.toString() },
});
