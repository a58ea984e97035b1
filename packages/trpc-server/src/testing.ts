/**
 * Test-only helpers for integration tests that run services and BFFs over real HTTP in-process: a free
 * port, a tRPC server started on one, and a teardown list that closes everything in reverse start order.
 * Kept out of `./server` so production code never imports it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AnyRouter } from "@trpc/server";
import { startTrpcServer, type RunningServer, type TrpcServerOptions } from "./server.ts";

/** A port the OS just handed out on 127.0.0.1 (closed again, so the caller can listen on it). */
export async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** `startTrpcServer` on a free port. */
export async function startTestServer<TRouter extends AnyRouter>(opts: Omit<TrpcServerOptions<TRouter>, "port">): Promise<RunningServer> {
  return startTrpcServer({ ...opts, port: await freePort() });
}

/**
 * What a test file started, closed in reverse order by `run()` (in `afterAll`). Steps added after a failed
 * `beforeAll` step are simply never added, so a half-started suite still tears down what did start.
 */
export class Teardown {
  private readonly steps: (() => Promise<unknown> | void)[] = [];

  /** Registers `step` and returns `value`, e.g. `const bff = teardown.add(await startTestServer(...), (s) => s.close())`. */
  add<T>(value: T, step: (value: T) => Promise<unknown> | void): T {
    this.steps.push(() => step(value));
    return value;
  }

  /** Registers a server: closed by `run()`. */
  server<T extends RunningServer>(server: T): T {
    return this.add(server, (s) => s.close());
  }

  async run(): Promise<void> {
    while (this.steps.length > 0) await this.steps.pop()!();
  }
}
