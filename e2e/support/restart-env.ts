/**
 * The restart scenarios (playwright.restarts.config.ts) run a suite of their own against a PostgreSQL and a
 * Redis of their own, which they stop and start. Imported BEFORE ./suite-env.ts, this points the shared
 * e2e environment (port base, admin database URL, Redis URL) at those servers, so the shared support files
 * (ticket-burst, ticket-ledger, suite-processes, session) work unchanged. Workers inherit the variables.
 *
 * Ports: the suite on SYSOPS_RESTARTS_PORT_BASE (default 7340; its processes use base … base + 206),
 * PostgreSQL on base + 432 and Redis on base + 379 (as the launcher would place its own).
 */
import os from "node:os";
import path from "node:path";

const base = Number(process.env.SYSOPS_RESTARTS_PORT_BASE ?? "7340");
const stamp = `${Date.now()}_${process.pid}`;

export const restartPorts = { suite: base, postgres: base + 432, redis: base + 379 };

process.env.SYSOPS_E2E_PORT_BASE = String(base);
process.env.SYSOPS_E2E_DATA_DIR ??= path.join(os.tmpdir(), `sysops-restarts-${stamp}`);
// Same credentials as own-infra.ts gives the cluster it initialises.
process.env.TEST_DATABASE_URL = `postgresql://postgres:sysops-restarts@127.0.0.1:${restartPorts.postgres}/postgres`;
process.env.TEST_REDIS_URL = `redis://127.0.0.1:${restartPorts.redis}`;

