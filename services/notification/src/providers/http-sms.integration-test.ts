/**
 * The HTTP SMS provider against the local SMS sink over real HTTP: a try repeated with the same message id
 * (a crash between "provider accepted" and "recorded as sent") is taken once; another message is not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SinkStore } from "../sinks/sink-store.ts";
import { startSmsSink, type RunningSmsSink } from "../sinks/sms-sink.ts";
import { createHttpSmsProvider } from "./http-sms.ts";

const TOKEN = "sms-test-token";
const store = new SinkStore();
let sink: RunningSmsSink;
beforeAll(async () => {
  sink = await startSmsSink(store, 0, TOKEN);
});
afterAll(async () => {
  await sink?.close();
});

describe("http-sms provider", () => {
  it("sends the message id as an idempotency key: a repeated try is delivered once", async () => {
    const provider = createHttpSmsProvider(sink.url, TOKEN);
    try {
      const message = { id: "2f1d5c1e-0c57-4d0b-9b0e-6b1f8f0f6a01", recipient: "+15550100", subject: null, body: "New assignment: ticket #7" };
      await provider.send(message);
      await provider.send(message);
      await provider.send({ ...message, id: "2f1d5c1e-0c57-4d0b-9b0e-6b1f8f0f6a02" });
      expect(sink.requests).toBe(3);
      expect(store.list({ channel: "sms", to: "+15550100" })).toHaveLength(2);
    } finally {
      await provider.close?.();
    }
  });

  it("names the provider's answer when it refuses", async () => {
    const provider = createHttpSmsProvider(sink.url, "wrong-token");
    try {
      await expect(provider.send({ id: "2f1d5c1e-0c57-4d0b-9b0e-6b1f8f0f6a03", recipient: "+15550100", subject: null, body: "x" })).rejects.toThrow(/answered 401: bad token/);
    } finally {
      await provider.close?.();
    }
  });
});
