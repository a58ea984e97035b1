import { defineConfig } from "@playwright/test";
import "./support/restart-env.ts";
import { suiteEnv } from "./support/suite-env.ts";

/**
 * Issue 3 item 8: a Redis restart and a PostgreSQL restart in the middle of a burst of ticket creations.
 * Separate from playwright.config.ts because these tests run their own suite on their own PostgreSQL and
 * Redis (started by the `restartableSuite` worker fixture, support/restart-fixture.ts) and stop those
 * servers mid-flow; the shared e2e suite and the machine's shared servers are never touched.
 * `npm run test:restarts -w @sysops/e2e` (after building the suite); `npm test` in e2e runs both configs.
 */
export default defineConfig({
  testDir: "./restarts",
  testMatch: "**/*.e2e.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 240_000,
  reporter: [["list"]],
  // Its own artifacts folder: a run of playwright.config.ts cleans test-results/ when it starts.
  outputDir: "test-results-restarts",
  use: { baseURL: suiteEnv.baseUrl },
});
