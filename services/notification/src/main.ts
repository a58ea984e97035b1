/**
 * svc-notification on `suitePorts(base).service.notification`; with local sinks (see `notificationDelivery`)
 * the SMTP and SMS sinks listen on `suitePorts(base).notificationSinks`.
 */
import { loadEnv, notificationDelivery, requireEnv } from "@sysops/config";
import { serviceUrl, suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals } from "@sysops/trpc-server/server";
import { serviceContactDirectory } from "./contacts/contacts.ts";
import { createHttpSmsProvider } from "./providers/http-sms.ts";
import type { Providers } from "./providers/provider.ts";
import { createSmtpEmailProvider } from "./providers/smtp-email.ts";
import { localSinkProviders, startLocalSinks, type LocalSinks } from "./sinks/local-sinks.ts";
import { startNotificationService } from "./service.ts";

const env = loadEnv();
const delivery = notificationDelivery(env);
const logger = createLogger("svc-notification", env.LOG_LEVEL);
const base = env.SYSOPS_PORT_BASE;
const ports = suitePorts(base);
const internalSecret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");

let sinks: LocalSinks | null = null;
let providers: Providers;
if (delivery.kind === "local-sinks") {
  sinks = await startLocalSinks(ports.notificationSinks);
  providers = localSinkProviders(sinks, env.NOTIFY_EMAIL_FROM);
  logger.info({ smtpPort: sinks.smtp.port, smsPort: sinks.sms.port }, "local notification sinks listening");
} else {
  providers = {
    email: createSmtpEmailProvider(delivery.smtpUrl, env.NOTIFY_EMAIL_FROM),
    sms: createHttpSmsProvider(delivery.smsApiUrl, delivery.smsApiToken),
  };
}

const server = await startNotificationService({
  databaseUrl: requireEnv(env, "DATABASE_URL"),
  redisUrl: env.REDIS_URL,
  port: ports.service.notification,
  internalSecret,
  logger,
  contacts: serviceContactDirectory({ customer: serviceUrl(base, "customer"), identity: serviceUrl(base, "identity") }, internalSecret),
  providers,
  publicOrigin: env.PUBLIC_ORIGIN ?? `http://localhost:${ports.gateway}`,
  sinks: sinks?.store ?? null,
});
exitOnSignals({ url: server.url, close: async () => Promise.all([server.close(), sinks?.close()]).then(() => undefined) }, logger);
