/**
 * Test-only: the notification service in-process the way its integration tests run it — on a free port,
 * delivering into the local sinks (mails over SMTP into the smtp-server sink, SMS into the SMS sink) with a
 * short claim/requeue cycle — plus `waitFor` for what it does asynchronously.
 */
import { freePort } from "@sysops/trpc-server/testing";
import type { RunningServer } from "@sysops/trpc-server/server";
import type { ContactDirectory } from "../contacts/contacts.ts";
import { startNotificationService, type NotificationServiceOptions } from "../service.ts";
import { localSinkProviders, type LocalSinks } from "../sinks/local-sinks.ts";

export type TestNotificationOptions = Pick<NotificationServiceOptions, "databaseUrl" | "redisUrl" | "internalSecret" | "logger" | "retry" | "queuePrefix" | "stream"> & {
  contacts: ContactDirectory;
  sinks: LocalSinks;
};

export async function startTestNotificationService({ sinks, ...opts }: TestNotificationOptions): Promise<RunningServer> {
  return startNotificationService({
    ...opts,
    port: await freePort(),
    providers: localSinkProviders(sinks, "Sysops Squad <no-reply@sysops.test>"),
    publicOrigin: "http://localhost:3000",
    sinks: sinks.store,
    claimIdleMs: 500,
    requeueEveryMs: 500,
  });
}

type Probe<T> = () => T | undefined | false | Promise<T | undefined | false>;

/** Polls `probe` every 50 ms until it returns something truthy; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: Probe<T>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
