/**
 * A local HTTP SMS provider (development and tests): accepts `POST /` with JSON `{ to, body }` and a
 * bearer token, records it, answers 202. Like provider APIs with idempotency keys, a request repeating an
 * `Idempotency-Key` it already accepted is answered 202 again and not recorded twice. `failNext(n)` makes the
 * next n requests answer 500, so tests can prove retries; `hold()` keeps requests unanswered until released,
 * so tests can look at a try in flight.
 */
import http from "node:http";
import { z } from "zod";
import type { SinkStore } from "./sink-store.ts";
import type { RunningSink } from "./smtp-sink.ts";

const smsBody = z.object({ to: z.string().min(1), body: z.string().min(1) });

export interface RunningSmsSink extends RunningSink {
  url: string;
  /** The next `count` requests fail with 500 (after reading them, recording nothing). */
  failNext(count: number): void;
  /** Requests wait unanswered until the returned function is called. */
  hold(): () => void;
  /** Requests answered so far, failed ones included. */
  readonly requests: number;
}

export async function startSmsSink(store: SinkStore, port: number, token: string, host = "127.0.0.1"): Promise<RunningSmsSink> {
  let failures = 0;
  let requests = 0;
  let held: Promise<void> = Promise.resolve();
  const accepted = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void held.then(() => {
      requests += 1;
      const answer = (status: number, text: string) => res.writeHead(status, { "content-type": "text/plain" }).end(text);
      if (req.method !== "POST") return answer(405, "POST only");
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, "bad token");
      if (failures > 0) {
        failures -= 1;
        return answer(500, "sink told to fail");
      }
      let json: unknown;
      try {
        json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return answer(400, "not JSON");
      }
      const parsed = smsBody.safeParse(json);
      if (!parsed.success) return answer(400, "expected {to, body}");
      const key = req.headers["idempotency-key"];
      if (typeof key === "string" && accepted.has(key)) return answer(202, "accepted (repeated idempotency key)");
      if (typeof key === "string") accepted.add(key);
      store.add({ channel: "sms", to: parsed.data.to, subject: null, body: parsed.data.body });
      answer(202, "accepted");
    }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    url: `http://${host}:${actualPort}/`,
    failNext: (count) => {
      failures = count;
    },
    hold: () => {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return release;
    },
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
