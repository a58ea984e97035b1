/**
 * `/healthz`: the process is alive. `/readyz`: everything a request may need answers (Redis for sessions,
 * identity for sign-in, every BFF behind `/api`); a 503 names what is down.
 */
import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";

export interface ReadinessOptions {
  redis: Redis;
  /** name → base URL whose `/readyz` must answer 200 (identity and every BFF). */
  upstreams: Record<string, string>;
  timeoutMs?: number;
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  return fetch(`${url}/readyz`, { signal: AbortSignal.timeout(timeoutMs) }).then(
    (res) => res.ok,
    () => false,
  );
}

export async function findDown({ redis, upstreams, timeoutMs = 2000 }: ReadinessOptions): Promise<string[]> {
  const checks = [
    // ioredis queues commands while reconnecting; a ping that does not answer in time counts as down.
    Promise.race([redis.ping(), new Promise<string>((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref())]).then(
      (pong) => (pong === "PONG" ? null : "redis"),
      () => "redis",
    ),
    ...Object.entries(upstreams).map(async ([name, url]) => ((await answers(url, timeoutMs)) ? null : name)),
  ];
  return (await Promise.all(checks)).filter((name): name is string => name !== null);
}

export function healthRoutes(app: FastifyInstance, opts: ReadinessOptions): void {
  // Probed every few seconds by the launcher: log only problems.
  app.get("/healthz", { logLevel: "warn" }, () => ({ status: "ok", service: "gateway" }));
  app.get("/readyz", { logLevel: "warn" }, async (_request, reply) => {
    const down = await findDown(opts);
    if (down.length > 0) return reply.code(503).send({ status: "not ready", down });
    return { status: "ready", service: "gateway" };
  });
}
