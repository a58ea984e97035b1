#!/usr/bin/env node
/* global process */
// Runs the local `prisma generate` offline. The CLI insists on finding its native schema engine first
// (downloading it when missing) although `generate` never uses it, so point it at any existing file unless
// the developer set a real one. Extra arguments are passed through.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url) };
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
