/**
 * A tiny real HTTP server standing where a BFF would: it answers `/readyz` and echoes every other request
 * (method, url, headers, body) as JSON, so proxy tests see exactly what the gateway forwarded.
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
  close(): Promise<void>;
}

export async function startEchoBff(): Promise<EchoBff> {
  const received: EchoedRequest[] = [];
  const server = http.createServer((req, res) => {
    if (req.url === "/readyz") return res.writeHead(200).end("{}");
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
