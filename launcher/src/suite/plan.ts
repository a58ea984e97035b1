/**
 * The processes of the suite, in start order: services and their background workers, then BFFs, then the
 * gateway. A worker (e.g. svc-ticketing-worker) is a second process of a service, built from the same
 * package as `dist/worker-main.js`; it only needs PostgreSQL and Redis, so it starts beside the services.
 */
import path from "node:path";
import { REPO_ROOT } from "@sysops/config";
import { BFF_DOMAINS, SERVICES, suitePorts, WORKERS } from "@sysops/config/ports";
import type { ProcessSpec } from "./supervisor.ts";

const readyz = (port: number) => `http://127.0.0.1:${port}/readyz`;

export function suitePlan(portBase: number): ProcessSpec[][] {
  const ports = suitePorts(portBase);
  return [
    [
      ...SERVICES.map((s) => ({ name: `svc-${s}`, script: path.join(REPO_ROOT, "services", s, "dist/main.js"), readyUrl: readyz(ports.service[s]) })),
      ...WORKERS.map((w) => ({ name: `svc-${w}-worker`, script: path.join(REPO_ROOT, "services", w, "dist/worker-main.js"), readyUrl: readyz(ports.worker[w]) })),
    ],
    BFF_DOMAINS.map((d) => ({ name: `bff-${d}`, script: path.join(REPO_ROOT, "bff", d, "dist/main.js"), readyUrl: readyz(ports.bff[d]) })),
    [{ name: "gateway", script: path.join(REPO_ROOT, "bff/gateway/dist/main.js"), readyUrl: readyz(ports.gateway) }],
  ];
}
