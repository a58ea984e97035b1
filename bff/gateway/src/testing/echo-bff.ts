/**
 * A tiny real HTTP server standing where a BFF would: it answers `/readyz`, holds `/events` open as an event
 * stream (one event, then nothing until the client goes away), and echoes every other request (method, url,
 * headers, body) as JSON, so proxy tests see exactly what the gateway forwarded.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface EchoedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface EchoBff {
  url: string;
  received: EchoedRequest[];
  /** Resolves when the client of the open `/events` stream went away. */
  eventsClosed: Promise<void>;
  close(): Promise<void>;
}

export async function startEchoBff(): Promise<EchoBff> {
  const received: EchoedRequest[] = [];
  let onEventsClosed = () => {};
  const eventsClosed = new Promise<void>((resolve) => (onEventsClosed = resolve));
  const server = http.createServer((req, res) => {
    if (req.url === "/readyz") return res.writeHead(200).end("{}");
    if (req.url === "/events") {
      res.on("close", onEventsClosed);
      return res.writeHead(200, { "content-type": "text/event-stream" }).write("data: first\n\n");
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const echoed = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(echoed);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(echoed));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    eventsClosed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
