/** The gateway writes one access line per request (not fastify's own request logs besides), and none for health probes. */
import { createLogger } from "@sysops/logger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn, startGateway, type GatewayHarness } from "./testing/gateway-harness.ts";

const lines: { msg: string; url?: string; status?: number; requestId?: string }[] = [];
let gw: GatewayHarness;
let session: string;
beforeAll(async () => {
  const logger = createLogger("gateway-test", "info", { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  gw = await startGateway({ logger });
  session = await signIn(gw.app);
});
afterAll(() => gw.close());

it("logs one line per proxied request, with its id and status, and nothing for /healthz", async () => {
  lines.length = 0;
  const res = await gw.app.inject({ url: "/api/ticketing/tickets.mine?input=%7B%7D", cookies: { sysops_session: session }, headers: { "x-request-id": "req-log-1" } });
  expect(res.statusCode).toBe(200);
  expect((await gw.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  expect(lines).toEqual([expect.objectContaining({ msg: "request", url: "/api/ticketing/tickets.mine?input=%7B%7D", status: 200, requestId: "req-log-1" })]);
});
