/**
 * The consumer's blocking reader is its own connection (a `duplicate()` of the caller's client, which copies
 * no listeners). While Redis is down its reconnect errors must reach the structured log, not ioredis's raw
 * "[ioredis] Unhandled error event" on stderr. No Redis needed: nothing listens on the port.
 */
import net from "node:net";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "@sysops/logger";
import { startConsumer } from "./consumer.ts";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

afterEach(() => vi.restoreAllMocks());

describe("event consumer while Redis is unreachable", () => {
  it("logs the reader's connection errors instead of leaving them unhandled", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const logger = createLogger("events-test", "silent");
    const warn = vi.spyOn(logger, "warn");
    const redis = new Redis(`redis://127.0.0.1:${await closedPort()}`, { maxRetriesPerRequest: 1, retryStrategy: () => 50 });
    redis.on("error", () => {}); // the caller's own client has its listener, as every service's does
    // (maxRetriesPerRequest 1, unlike the services' null: commands fail instead of waiting, so stop() returns)
    const db = { $transaction: () => Promise.reject(new Error("not reached")) };
    const consumer = startConsumer({ redis, group: "g", consumer: "c1", db, schema: "s", handlers: {}, logger, stream: "st" });

    await vi.waitFor(() => expect(warn.mock.calls.some(([, msg]) => msg === "event consumer: reader connection error")).toBe(true), { timeout: 5_000 });
    await consumer.stop();
    redis.disconnect();
    expect(consoleError.mock.calls.filter(([first]) => String(first).includes("Unhandled error event"))).toEqual([]);
  });
});
