/** Applies every service's committed Prisma migrations, and seeds the demo world into empty services. */
import type { Logger } from "@sysops/logger";
import * as customer from "@sysops/svc-customer/lifecycle";
import * as identity from "@sysops/svc-identity/lifecycle";
import * as notification from "@sysops/svc-notification/lifecycle";
import * as ticketing from "@sysops/svc-ticketing/lifecycle";

interface ServiceLifecycle {
  /** Returns the names of the migrations it applied. */
  migrate(databaseUrl: string): Promise<string[]>;
  seedDemo(databaseUrl: string): Promise<{ seeded: boolean }>;
}

const LIFECYCLES: Record<string, ServiceLifecycle> = { identity, customer, ticketing, notification };

export async function migrateAll(databaseUrl: string, logger: Logger): Promise<void> {
  for (const [name, lifecycle] of Object.entries(LIFECYCLES)) {
    const started = performance.now();
    const applied = await lifecycle.migrate(databaseUrl);
    logger.info({ service: name, applied, ms: Math.round(performance.now() - started) }, "migrations applied");
  }
}

export async function seedAll(databaseUrl: string, logger: Logger): Promise<void> {
  for (const [name, lifecycle] of Object.entries(LIFECYCLES)) {
    const { seeded } = await lifecycle.seedDemo(databaseUrl);
    logger.info({ service: name, seeded }, seeded ? "demo data seeded" : "data present; seed skipped");
  }
}
