// Shared build of every Node process (services, BFFs, gateway, launcher): one ESM bundle per app from
// src/main.ts. Workspace packages (`@sysops/*`, which export TypeScript sources) are bundled in;
// third-party packages stay external and load from node_modules.
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^@sysops\//],
  // Bundled CommonJS dependencies of workspace packages may call require(); give ESM output one.
  banner: { js: "import { createRequire as __sysopsCreateRequire } from 'node:module'; const require = __sysopsCreateRequire(import.meta.url);" },
});
