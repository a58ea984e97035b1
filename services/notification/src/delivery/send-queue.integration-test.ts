/**
 * The send queue on a real Redis: an expert's SMS is taken before customer e-mails that were queued first;
 * e-mails keep their order among themselves.
 */
import { randomUUID } from "node:crypto";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createSendQueue, SEND_QUEUE, type SendJob } from "./send-queue.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-send-queue-${randomUUID()}`;
const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const workerConnection = connection.duplicate();

afterAll(async () => {
  const keys = await connection.keys(`${prefix}:*`);
  if (keys.length > 0) await connection.del(...keys);
  connection.disconnect();
  workerConnection.disconnect();
});

describe("send queue", () => {
  it("takes SMS before e-mails queued earlier, and e-mails in the order they came", async () => {
    const queue = createSendQueue({ connection, prefix });
    await queue.enqueue([
      { id: "email-1", channel: "email" },
      { id: "email-2", channel: "email" },
    ]);
    await queue.enqueue([{ id: "email-3", channel: "email" }]);
    await queue.enqueue([{ id: "sms-1", channel: "sms" }]);

    const order: string[] = [];
    const done = new Promise<void>((resolve) => {
      const worker = new Worker<SendJob>(
        SEND_QUEUE,
        (job) => {
          order.push(job.data.messageId);
          if (order.length === 4) setImmediate(() => void worker.close().then(resolve));
          return Promise.resolve();
        },
        { connection: workerConnection, prefix, concurrency: 1 },
      );
    });
    await done;
    await queue.close();
    expect(order).toEqual(["sms-1", "email-1", "email-2", "email-3"]);
  });
});
