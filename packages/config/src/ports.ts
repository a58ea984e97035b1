/**
 * Every process of the suite listens on 127.0.0.1 at a port derived from one base, so a second copy of the
 * suite (the e2e run, say) only needs another `SYSOPS_PORT_BASE`.
 */
export const BFF_DOMAINS = ["ticketing", "customer", "admin", "reporting", "kb"] as const;
export type BffDomain = (typeof BFF_DOMAINS)[number];

export const SERVICES = ["identity", "customer", "ticketing", "notification"] as const;
export type ServiceName = (typeof SERVICES)[number];

const BFF_OFFSET: Record<BffDomain, number> = { ticketing: 101, customer: 102, admin: 103, reporting: 104, kb: 105 };
const SERVICE_OFFSET: Record<ServiceName, number> = { identity: 201, customer: 202, ticketing: 203, notification: 204 };
/** Development sinks of the notification service (NOTIFY_SINKS=local): SMTP and the HTTP SMS API. */
const SINK_OFFSET = { smtp: 205, sms: 206 };

/**
 * Background-work processes beside a service's API process; they serve only `/healthz` and `/readyz`.
 * svc-ticketing-worker runs ticketing's consumer group, matching, SLA timers and auto-close (see
 * services/ticketing/src/worker-main.ts).
 */
export const WORKERS = ["ticketing"] as const;
export type WorkerName = (typeof WORKERS)[number];
const WORKER_OFFSET: Record<WorkerName, number> = { ticketing: 207 };

export interface SuitePorts {
  gateway: number;
  bff: Record<BffDomain, number>;
  service: Record<ServiceName, number>;
  notificationSinks: { smtp: number; sms: number };
  worker: Record<WorkerName, number>;
}

export function suitePorts(base: number): SuitePorts {
  const map = <K extends string>(offsets: Record<K, number>) =>
    Object.fromEntries(Object.entries<number>(offsets).map(([k, off]) => [k, base + off])) as Record<K, number>;
  return { gateway: base, bff: map(BFF_OFFSET), service: map(SERVICE_OFFSET), notificationSinks: map(SINK_OFFSET), worker: map(WORKER_OFFSET) };
}

export const bffUrl = (base: number, domain: BffDomain) => `http://127.0.0.1:${suitePorts(base).bff[domain]}`;
export const serviceUrl = (base: number, name: ServiceName) => `http://127.0.0.1:${suitePorts(base).service[name]}`;
