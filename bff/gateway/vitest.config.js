import { defineConfig } from "vitest/config";

// `npm test` runs unit tests (*.test.ts) and integration tests (*.integration-test.ts).
export default defineConfig({
  test: { include: ["src/**/*.test.ts", "src/**/*.integration-test.ts"] },
});
