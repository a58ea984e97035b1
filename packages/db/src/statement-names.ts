/**
 * Names for prepared statements, so node-postgres parses and plans a statement once per connection instead of
 * on every call (an unnamed statement is parsed, planned and discarded each time: in the created → SMS flow that
 * was a third to a half of PostgreSQL's time per statement, measured with `log_min_duration_statement = 0`).
 *
 * The name is a hash of the SQL text, so the same statement gets the same name in every process and on every
 * connection. Only the first `limit` distinct texts of a process are named: node-postgres and each PostgreSQL
 * backend keep a named statement for the connection's life, so statements whose text varies without bound (an
 * `IN` list of varying length) must not fill them up; texts past the limit run unnamed, as before.
 * @see https://node-postgres.com/features/queries#prepared-statements
 */
import { createHash } from "node:crypto";

export type StatementNamer = (query: { sql: string }) => string | undefined;

/** Transaction control and session settings are cheap to parse and stay unnamed. */
const UTILITY = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|START)\b/i;

export function createStatementNamer(limit = 1_000): StatementNamer {
  const names = new Map<string, string>();
  return ({ sql }) => {
    if (UTILITY.test(sql)) return undefined;
    const known = names.get(sql);
    if (known !== undefined || names.size >= limit) return known;
    const name = `s_${createHash("sha1").update(sql).digest("base64url").slice(0, 20)}`;
    names.set(sql, name);
    return name;
  };
}
