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

/**
 * Ports that browsers and Node's `fetch` (undici) refuse to connect to (the WHATWG Fetch "bad port" list, from
 * 1024 up). Every process here is reached by `fetch` (readiness checks, tRPC service links) or by a browser,
 * so a base whose derived ports hit one is refused up front instead of failing later as "bad port".
 * @see https://fetch.spec.whatwg.org/#port-blocking
 */
const FETCH_BLOCKED_PORTS = new Set([1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

/** The ports of a suite on `base` that `fetch` would refuse (empty for a usable base). */
export function fetchBlockedPorts(base: number): number[] {
  const { gateway, bff, service, notificationSinks, worker } = suitePorts(base);
  const all = [gateway, ...Object.values(bff), ...Object.values(service), ...Object.values(notificationSinks), ...Object.values(worker)];
  return all.filter((port) => FETCH_BLOCKED_PORTS.has(port));
}
