import { describe, expect, it } from "vitest";
import { createStatementNamer } from "./statement-names.ts";

describe("statement names", () => {
  it("names the same SQL the same way in every namer, and different SQL differently", () => {
    const a = createStatementNamer();
    const b = createStatementNamer();
    const name = a({ sql: "SELECT 1" });
    expect(name).toMatch(/^s_[\w-]{20}$/);
    expect(a({ sql: "SELECT 1" })).toBe(name);
    expect(b({ sql: "SELECT 1" })).toBe(name);
    expect(a({ sql: "SELECT 2" })).not.toBe(name);
  });

  it("leaves transaction control unnamed", () => {
    const namer = createStatementNamer();
    for (const sql of ["BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT s1", "release savepoint s1", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"]) expect(namer({ sql })).toBeUndefined();
  });

  it("names only the first `limit` distinct texts; the rest run unnamed, the named ones stay named", () => {
    const namer = createStatementNamer(2);
    const first = namer({ sql: "SELECT 1" });
    namer({ sql: "SELECT 2" });
    expect(namer({ sql: "SELECT 3" })).toBeUndefined();
    expect(namer({ sql: "SELECT 1" })).toBe(first);
  });
});
