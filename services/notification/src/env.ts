/**
 * The notification service's own environment (to move into @sysops/config): where email and SMS go.
 * - `NOTIFY_SINKS=local` starts the development sinks in-process (SMTP on base+205, SMS on base+206) and
 *   points the providers at them, unless SMTP_URL / SMS_API_URL say otherwise.
 * - otherwise SMTP_URL (`smtp://user:pass@host:port`), SMS_API_URL and SMS_API_TOKEN are required.
 */
import { z } from "zod";

const notifyEnvSchema = z.object({
  NOTIFY_SINKS: z.enum(["local", "none"]).default("none"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMS_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_API_TOKEN: z.string().min(1).optional(),
  /** The gateway origin customers open links on (survey links); default http://localhost:<gateway port>. */
  PUBLIC_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  /** The From address of every email. */
  NOTIFY_EMAIL_FROM: z.string().default("Sysops Squad <no-reply@sysops.local>"),
});

export type NotifyEnv = z.infer<typeof notifyEnvSchema>;

export function loadNotifyEnv(source: NodeJS.ProcessEnv = process.env): NotifyEnv {
  const parsed = notifyEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NOTIFY_SINKS === "none") {
    for (const key of ["SMTP_URL", "SMS_API_URL", "SMS_API_TOKEN"] as const) {
      if (!env[key]) throw new Error(`Invalid environment:\n  ${key}: required unless NOTIFY_SINKS=local`);
    }
  }
  return env;
}
