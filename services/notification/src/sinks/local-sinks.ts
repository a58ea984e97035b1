/** Both development sinks plus the providers pointed at them (`NOTIFY_SINKS=local`, tests). */
import { createHttpSmsProvider } from "../providers/http-sms.ts";
import type { Providers } from "../providers/provider.ts";
import { createSmtpEmailProvider } from "../providers/smtp-email.ts";
import { SinkStore } from "./sink-store.ts";
import { startSmsSink, type RunningSmsSink } from "./sms-sink.ts";
import { startSmtpSink, type RunningSink } from "./smtp-sink.ts";

export const LOCAL_SMS_TOKEN = "local-sms-sink-token";

export interface LocalSinks {
  store: SinkStore;
  smtp: RunningSink;
  sms: RunningSmsSink;
  smtpUrl: string;
  close(): Promise<void>;
}

/** Port 0 picks free ports (tests). */
export async function startLocalSinks(ports: { smtp: number; sms: number }): Promise<LocalSinks> {
  const store = new SinkStore();
  const smtp = await startSmtpSink(store, ports.smtp);
  const sms = await startSmsSink(store, ports.sms, LOCAL_SMS_TOKEN).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  return {
    store,
    smtp,
    sms,
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    close: async () => {
      await Promise.all([smtp.close(), sms.close()]);
    },
  };
}

export function localSinkProviders(sinks: LocalSinks, from: string): Providers {
  return { email: createSmtpEmailProvider(sinks.smtpUrl, from), sms: createHttpSmsProvider(sinks.sms.url, LOCAL_SMS_TOKEN) };
}
