/** createSeededTestDatabase against the real PostgreSQL: lifecycles run in order on a fresh database; a failing one drops it. */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createSeededTestDatabase, type ServiceLifecycle } from "./test-database.ts";

const canConnect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

describe("createSeededTestDatabase", () => {
  it("migrates then seeds each lifecycle in the order given, on one fresh database", async () => {
    const calls: string[] = [];
    const lifecycle = (name: string): ServiceLifecycle => ({
      migrate: (url) => Promise.resolve(void calls.push(`${name}.migrate ${url}`)),
      seedDemo: (url) => Promise.resolve(void calls.push(`${name}.seed ${url}`)),
    });
    const testDb = await createSeededTestDatabase(lifecycle("customer"), lifecycle("ticketing"));
    try {
      expect(calls).toEqual([`customer.migrate ${testDb.url}`, `customer.seed ${testDb.url}`, `ticketing.migrate ${testDb.url}`, `ticketing.seed ${testDb.url}`]);
      expect(await canConnect(testDb.url)).toBe(true);
    } finally {
      await testDb.drop();
    }
    expect(await canConnect(testDb.url)).toBe(false);
  });

  it("drops the database and rethrows when a lifecycle fails", async () => {
    let url = "";
    const broken: ServiceLifecycle = {
      migrate: (u) => {
        url = u;
        return Promise.reject(new Error("migration 2 failed"));
      },
      seedDemo: () => Promise.resolve(),
    };
    await expect(createSeededTestDatabase(broken)).rejects.toThrow("migration 2 failed");
    expect(url).not.toBe("");
    expect(await canConnect(url)).toBe(false);
  });
});
