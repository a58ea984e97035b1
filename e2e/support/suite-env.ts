/**
 * The e2e suite runs its own copy of the whole suite: its own port base, its own fresh database, its own
 * Redis logical database and data directory. The config computes them once; Playwright workers inherit
 * them through the environment, so every process agrees.
 */
import os from "node:os";
import path from "node:path";

const stamp = `${Date.now()}_${process.pid}`;
process.env.SYSOPS_E2E_PORT_BASE ??= "3600";
process.env.SYSOPS_E2E_DATABASE ??= `sysops_e2e_${stamp}`;
process.env.SYSOPS_E2E_DATA_DIR ??= path.join(os.tmpdir(), `sysops-e2e-${stamp}`);
/** The suite's internal secret, known here so a test can call a service directly (plans, notification sinks). */
process.env.SYSOPS_E2E_INTERNAL_SECRET ??= `e2e-${stamp}-secret-of-at-least-32-characters`;

const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const suiteEnv = {
  portBase: Number(process.env.SYSOPS_E2E_PORT_BASE),
  baseUrl: `http://127.0.0.1:${process.env.SYSOPS_E2E_PORT_BASE}`,
  dataDir: process.env.SYSOPS_E2E_DATA_DIR,
  internalSecret: process.env.SYSOPS_E2E_INTERNAL_SECRET,
  adminDatabaseUrl: adminUrl,
  databaseUrl: (() => {
    const url = new URL(adminUrl);
    url.pathname = `/${process.env.SYSOPS_E2E_DATABASE}`;
    return url.toString();
  })(),
  /** Logical database 9 of the test Redis, flushed before the run. */
  redisUrl: `${(process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/9`,
};
