/**
 * SMS over an HTTP provider API: `POST <SMS_API_URL>` with JSON `{ to, body }`, a bearer token and an
 * `Idempotency-Key` (the message id), so the provider takes a repeated try of one message once. Any non-2xx
 * answer is a failed attempt (delivery retries it).
 *
 * `node:http(s).request` on a keep-alive agent rather than `fetch`: one request per SMS on the hot path,
 * and fetch's WHATWG machinery (streams, Request/Response, AbortSignal) cost several times the CPU.
 */
import http from "node:http";
import https from "node:https";
import type { OutgoingMessage, Provider } from "./provider.ts";

const TIMEOUT_MS = 5_000;

export function createHttpSmsProvider(apiUrl: string, token: string): Provider {
  const url = new URL(apiUrl);
  const client = url.protocol === "https:" ? https : http;
  const agent = new client.Agent({ keepAlive: true, maxSockets: 16 });
  const post = (payload: string, idempotencyKey: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = client.request(
        url,
        {
          method: "POST",
          agent,
          timeout: TIMEOUT_MS,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            authorization: `Bearer ${token}`,
            "idempotency-key": idempotencyKey,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`SMS provider did not answer within ${TIMEOUT_MS} ms`)));
      req.on("error", reject);
      req.end(payload);
    });
  return {
    name: "http-sms",
    channel: "sms",
    async send({ id, recipient, body }: OutgoingMessage) {
      const { status, text } = await post(JSON.stringify({ to: recipient, body }), id);
      if (status < 200 || status > 299) {
        const snippet = text.slice(0, 200);
        throw new Error(`SMS provider answered ${status}${snippet ? `: ${snippet}` : ""}`);
      }
    },
    close: () => {
      agent.destroy();
      return Promise.resolve();
    },
  };
}
