/**
 * The one place where the suite reads `process.env`. Every process validates what it needs at start and
 * fails with a message naming the variable.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fetchBlockedPorts } from "./ports.ts";

/**
 * Repository root: the nearest folder above this module holding `turbo.json`. Searched, not a fixed
 * `../..`, because this module also runs bundled into `<app>/dist/main.js`.
 */
export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "turbo.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no turbo.json above ${from}: cannot find the repository root`);
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** When unset, the launcher starts an embedded PostgreSQL under `.data/` and passes its URL to every process. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
  SYSOPS_PORT_BASE: z.coerce
    .number()
    .int()
    .min(1024)
    .max(60000)
    .default(3000)
    .refine((base) => fetchBlockedPorts(base).length === 0, {
      error: (issue) => `derives ports that browsers and fetch refuse (${fetchBlockedPorts(Number(issue.input)).join(", ")}); pick another base`,
    }),
  SYSOPS_DATA_DIR: z.string().default(path.join(REPO_ROOT, ".data")),
  /** Profiling: when set, the launcher runs every process with `--cpu-prof` writing its profile here on exit. */
  SYSOPS_CPU_PROFILE_DIR: z.string().min(1).optional(),
  /** With SYSOPS_CPU_PROFILE_DIR: only these processes (comma-separated names, e.g. `svc-notification,gateway`) are profiled. */
  SYSOPS_CPU_PROFILE_ONLY: z.string().min(1).optional(),
  /** HMAC secret for caller tokens between gateway, BFFs and services; the launcher generates one per run. */
  SYSOPS_INTERNAL_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Where notifications go: see `notificationDelivery`. */
  NOTIFY_SINKS: z.enum(["local", "none"]).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMS_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_API_TOKEN: z.string().min(1).optional(),
  NOTIFY_EMAIL_FROM: z.string().default("Sysops Squad <no-reply@sysops.local>"),
  /** svc-ticketing-worker: minimum time between two triggered matching runs (default 50 ms). */
  MATCHING_MIN_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** The origin customers open links on (survey links); default http://localhost:<gateway port>. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** For processes that cannot run without a value the launcher always provides. */
export function requireEnv<K extends keyof Env>(env: Env, key: K): NonNullable<Env[K]> {
  const value = env[key];
  if (value === undefined || value === null) throw new EnvError(`Invalid environment:\n  ${String(key)}: required`);
  return value;
}

export type NotificationDelivery =
  | { kind: "local-sinks" }
  | { kind: "providers"; smtpUrl: string; smsApiUrl: string; smsApiToken: string };

/**
 * Real providers when SMTP_URL is set (then SMS_API_URL and SMS_API_TOKEN are required too); otherwise, or
 * with NOTIFY_SINKS=local, the notification service delivers to its local sinks, which a developer or a test
 * can read. A machine without a mail provider (every laptop, CI) thus still delivers somewhere visible.
 */
export function notificationDelivery(env: Env): NotificationDelivery {
  if (env.NOTIFY_SINKS === "local" || (env.NOTIFY_SINKS === undefined && !env.SMTP_URL)) return { kind: "local-sinks" };
  const missing = (["SMTP_URL", "SMS_API_URL", "SMS_API_TOKEN"] as const).filter((key) => !env[key]);
  if (missing.length > 0) throw new EnvError(`Invalid environment:\n${missing.map((k) => `  ${k}: required unless NOTIFY_SINKS=local`).join("\n")}`);
  return { kind: "providers", smtpUrl: env.SMTP_URL!, smsApiUrl: env.SMS_API_URL!, smsApiToken: env.SMS_API_TOKEN! };
}
