/** Quotes `"schema"."table"` after checking the schema is a plain identifier (it is interpolated into SQL). */
export function qualifiedTable(schema: string, table: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return `"${schema}"."${table}"`;
}

/** `pg` does not understand Prisma's `?schema=` parameter. */
export function withoutSchemaParam(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.delete("schema");
  return url.toString();
}
