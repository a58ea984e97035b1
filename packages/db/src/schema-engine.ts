/**
 * Prisma's schema engine (the part of `prisma migrate` that needs a native binary) loaded from its
 * WebAssembly build, so migrations run offline. This is an internal Prisma API: the version is pinned in
 * package.json and `migrate.integration-test.ts` covers what we use.
 *
 * Node 20 cannot `import` a `.wasm` file, so the module is instantiated by hand the way wasm-bindgen's
 * generated loader would.
 * @see https://github.com/prisma/prisma-engines/tree/main/schema-engine/schema-engine-wasm
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg, { type PoolConfig } from "pg";

interface WasmExports {
  __wbindgen_start(): void;
}
/** The slice of the WebAssembly global we use (our `lib` setting does not declare it). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WasmApi };

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  return (loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package does not export the .wasm file itself; it sits beside the JS bindings.
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await wasmApi.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": withUnrefTimers(bindings) });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })());
}

/**
 * The engine arms 10 s timers it never clears, which kept a finished `migrate` process alive for 10 s;
 * unref'd timers still fire but no longer hold the process open.
 */
function withUnrefTimers(imports: typeof bindings): Record<string, unknown> {
  const wrapped: Record<string, unknown> = { ...imports };
  for (const [name, fn] of Object.entries(imports)) {
    if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function") {
      wrapped[name] = (...args: unknown[]) => {
        const timer: unknown = (fn as (...a: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | null)?.unref?.();
        return timer;
      };
    }
  }
  return wrapped;
}

/** Splits a URL into pg fields (a `connectionString` would override any field set beside it). */
export function poolConfigOf(databaseUrl: string): PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
  };
}

export async function adminQuery(config: PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Remembers the connections the engine opens: `SchemaEngine.free()` does not close them. */
class TrackedPg extends PrismaPg {
  readonly opened: SqlDriverAdapter[] = [];

  override async connect() {
    const adapter = await super.connect();
    sendScriptsWhole(adapter);
    this.opened.push(adapter);
    return adapter;
  }
}

/**
 * adapter-pg's `executeScript` splits a script on every ";" (also inside a function body, a string or a `--`
 * comment) and sends the pieces one by one, possibly on different pooled connections, so a migration holding a
 * PL/pgSQL trigger function could not be applied. A migration script goes to PostgreSQL whole instead, as the
 * native engine behind `prisma migrate deploy` sends it (the simple query protocol runs several statements).
 * `client` and `onError` (which turns a pg error into the engine's error type) are adapter-pg internals; the
 * version is pinned and `migrate.integration-test.ts` covers this.
 */
function sendScriptsWhole(adapter: SqlDriverAdapter): void {
  const internals = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
}

export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** An engine bound to `schema` of the database at `databaseUrl`. */
export async function openSchemaEngine(databaseUrl: string, schema: string, onLog?: (line: string) => void): Promise<OpenEngine> {
  await loadWasm();
  // The generated SQL names no schema, so connections resolve unqualified names in the service's schema,
  // as Prisma's `?schema=` does with the CLI; `_prisma_migrations` lands there too.
  const factory = new TrackedPg({ ...poolConfigOf(databaseUrl), options: `-c search_path=${schema}` }, { schema });
  const engine = await bindings.SchemaEngine.new({ datamodels: undefined }, (line: string) => onLog?.(line), bindMigrationAwareSqlAdapterFactory(factory));
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(factory.opened.map((a) => a.dispose()));
    },
  };
}
