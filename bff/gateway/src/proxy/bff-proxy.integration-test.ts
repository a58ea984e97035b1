/** `/api/<domain>/*` through the real proxy to a real echo server standing in for the BFF (and a dead port for bff-kb). */
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLER_HEADER, verifyCaller } from "@sysops/internal-auth";
import type { EchoedRequest } from "../testing/echo-bff.ts";
import { HOST, ORIGIN, signIn, startGateway, TEST_SECRET, type GatewayHarness } from "../testing/gateway-harness.ts";
import { STAND_IN_USER } from "../testing/identity-stand-in.ts";

let gw: GatewayHarness;
let session: string;
beforeAll(async () => {
  gw = await startGateway();
  session = await signIn(gw.app);
});
afterAll(() => gw.close());

describe("/api proxy", () => {
  it("refuses a request without a session with 401, before reaching the BFF", async () => {
    const before = gw.bff.received.length;
    const res = await gw.app.inject({ url: "/api/ticketing/me" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: "Not signed in" });
    expect(gw.bff.received.length).toBe(before);
  });

  it("strips the prefix, the cookie and a forged caller header; forwards a caller token for the session user", async () => {
    const res = await gw.app.inject({
      url: "/api/ticketing/tickets.mine?input=%7B%7D",
      cookies: { sysops_session: session },
      headers: { [CALLER_HEADER]: "forged-by-the-browser", "x-request-id": "req-proxy-1" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-request-id"]).toBe("req-proxy-1");
    const echoed = res.json<EchoedRequest>();
    expect(echoed.url).toBe("/tickets.mine?input=%7B%7D");
    expect(echoed.headers.cookie).toBeUndefined();
    expect(echoed.headers["x-request-id"]).toBe("req-proxy-1");
    const caller = await verifyCaller(echoed.headers[CALLER_HEADER] as string, TEST_SECRET);
    expect(caller).toEqual({ kind: "user", userId: STAND_IN_USER.id, role: "customer", name: STAND_IN_USER.name, customerId: STAND_IN_USER.customerId });
  });

  it("refuses an unsafe method without a same-origin Origin or Referer with 403", async () => {
    const before = gw.bff.received.length;
    const post = (headers: Record<string, string>) =>
      gw.app.inject({ method: "POST", url: "/api/ticketing/customer.fileTicket", cookies: { sysops_session: session }, headers, payload: {} });
    expect((await post({ host: HOST })).statusCode).toBe(403);
    expect((await post({ host: HOST, origin: "https://evil.example" })).statusCode).toBe(403);
    expect(gw.bff.received.length).toBe(before);
  });

  it("forwards a same-origin POST with its body", async () => {
    const res = await gw.app.inject({
      method: "POST",
      url: "/api/ticketing/customer.fileTicket",
      cookies: { sysops_session: session },
      headers: { host: HOST, referer: `${ORIGIN}/tickets/new`, "content-type": "application/json" },
      payload: JSON.stringify({ description: "Screen is black" }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<EchoedRequest>()).toMatchObject({ method: "POST", url: "/customer.fileTicket", body: '{"description":"Screen is black"}' });
  });

  it("streams an event stream through as it arrives, and closes the BFF's request when the browser goes away", async () => {
    const address = await gw.app.listen({ port: 0, host: "127.0.0.1" });
    const res = await request(`${address}/api/ticketing/events`, { headers: { cookie: `sysops_session=${session}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/event-stream");
    // The BFF has sent one event and holds the stream open: it must reach the browser now, not at the end.
    const chunks = res.body[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(Buffer.from(first.value as Uint8Array).toString()).toBe("data: first\n\n");
    res.body.destroy();
    await gw.bff.eventsClosed;
  });

  it("answers 502 with a clear message when the BFF cannot be reached", async () => {
    const res = await gw.app.inject({ url: "/api/kb/articles.search?input=%7B%7D", cookies: { sysops_session: session } });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual({ error: "The kb service is unavailable right now. Try again in a moment." });
  });

  it("forwards neither hop-by-hop headers nor the browser's Host; answers with the BFF's status and headers", async () => {
    const res = await gw.app.inject({
      url: "/api/ticketing/tickets.mine",
      cookies: { sysops_session: session },
      headers: { connection: "keep-alive, x-private", "keep-alive": "timeout=5", te: "trailers", host: HOST },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    const { headers } = res.json<EchoedRequest>();
    expect(headers["keep-alive"]).toBeUndefined();
    expect(headers.te).toBeUndefined();
    expect(headers.host).not.toBe(HOST);
  });

  it("refuses a session id that is not in Redis", async () => {
    const res = await gw.app.inject({ url: "/api/ticketing/me", cookies: { sysops_session: "A".repeat(43) } });
    expect(res.statusCode).toBe(401);
  });
});
