/**
 * svc-notification. Port: SYSOPS_PORT_BASE + 204 (not yet in @sysops/config's suitePorts); with
 * NOTIFY_SINKS=local the development sinks listen on base+205 (SMTP) and base+206 (SMS HTTP).
 */
import { loadEnv, requireEnv } from "@sysops/config";
import { serviceUrl, suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals } from "@sysops/trpc-server/server";
import { serviceContactDirectory } from "./contacts/contacts.ts";
import { loadNotifyEnv } from "./env.ts";
import { createHttpSmsProvider } from "./providers/http-sms.ts";
import type { Providers } from "./providers/provider.ts";
import { createSmtpEmailProvider } from "./providers/smtp-email.ts";
import { localSinkProviders, startLocalSinks, type LocalSinks } from "./sinks/local-sinks.ts";
import { startNotificationService } from "./service.ts";

const NOTIFICATION_OFFSET = 204;

const env = loadEnv();
const notifyEnv = loadNotifyEnv();
const logger = createLogger("svc-notification", env.LOG_LEVEL);
const base = env.SYSOPS_PORT_BASE;
const internalSecret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");

let sinks: LocalSinks | null = null;
let providers: Providers;
if (notifyEnv.NOTIFY_SINKS === "local") {
  sinks = await startLocalSinks({ smtp: base + NOTIFICATION_OFFSET + 1, sms: base + NOTIFICATION_OFFSET + 2 });
  providers = localSinkProviders(sinks, notifyEnv.NOTIFY_EMAIL_FROM);
  logger.info({ smtpPort: sinks.smtp.port, smsPort: sinks.sms.port }, "local notification sinks listening");
} else {
  providers = {
    email: createSmtpEmailProvider(notifyEnv.SMTP_URL!, notifyEnv.NOTIFY_EMAIL_FROM),
    sms: createHttpSmsProvider(notifyEnv.SMS_API_URL!, notifyEnv.SMS_API_TOKEN!),
  };
}

const server = await startNotificationService({
  databaseUrl: requireEnv(env, "DATABASE_URL"),
  redisUrl: env.REDIS_URL,
  port: base + NOTIFICATION_OFFSET,
  internalSecret,
  logger,
  contacts: serviceContactDirectory({ customer: serviceUrl(base, "customer"), identity: serviceUrl(base, "identity") }, internalSecret),
  providers,
  publicOrigin: notifyEnv.PUBLIC_ORIGIN ?? `http://localhost:${suitePorts(base).gateway}`,
  sinks: sinks?.store ?? null,
});
exitOnSignals({ url: server.url, close: async () => Promise.all([server.close(), sinks?.close()]).then(() => undefined) }, logger);
