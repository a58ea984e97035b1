import { describe, expect, it } from "vitest";
import { serviceDatabaseUrl, withoutSchemaParam } from "./connection.ts";
import { poolConfigOf } from "./schema-engine.ts";

describe("connection URLs", () => {
  it("sets or replaces the schema parameter and keeps the rest", () => {
    expect(serviceDatabaseUrl("postgresql://postgres@127.0.0.1:5432/app", "identity")).toBe("postgresql://postgres@127.0.0.1:5432/app?schema=identity");
    expect(serviceDatabaseUrl("postgresql://u:p@db/app?sslmode=require&schema=public", "ticketing")).toBe("postgresql://u:p@db/app?sslmode=require&schema=ticketing");
  });

  it("strips the schema parameter for pg", () => {
    expect(withoutSchemaParam("postgresql://u@db/app?schema=customer&sslmode=require")).toBe("postgresql://u@db/app?sslmode=require");
  });

  it("splits a URL into pool fields, decoding credentials", () => {
    expect(poolConfigOf("postgresql://us%40er:p%2Fss@host.example:6543/my_db?schema=x")).toEqual({
      host: "host.example",
      port: 6543,
      user: "us@er",
      password: "p/ss",
      database: "my_db",
    });
    expect(poolConfigOf("postgresql://postgres@127.0.0.1/postgres")).toMatchObject({ port: 5432, password: undefined });
  });
});
