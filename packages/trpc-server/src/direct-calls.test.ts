/**
 * Direct calls against tRPC's own handler, over real HTTP: two servers of one router, one answering single
 * queries and mutations directly (the default), one with `directCalls: false`; every request below must get
 * the same status, content type and body from both. A third server records which requests the direct path
 * took, so the comparison is known to cover both paths.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { invalid } from "@sysops/domain-errors";
import { CALLER_HEADER, signCaller, type Caller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import { createDirectCalls } from "./direct-calls.ts";
import { createServiceTrpc, callerFromToken } from "./service.ts";
import { freePort, startTestServer, Teardown } from "./testing.ts";

const secret = "direct-calls-test-secret-0123456789abcdef";
const logger = createLogger("direct-calls-test", "silent");
const { router, requireRole } = createServiceTrpc<{ caller: Caller | null }>();
const anyone = requireRole("service", "customer", "admin");

const testRouter = router({
  echo: router({
    twice: anyone.input(z.object({ n: z.number().int() })).query(({ input }) => ({ n: input.n, twice: input.n * 2 })),
    plain: anyone.query(() => ({ at: "always the same" })),
    adminsOnly: requireRole("admin").query(() => "secret"),
  }),
  things: router({
    create: anyone.input(z.object({ name: z.string().trim().min(1, "Name it") })).mutation(({ input }) => ({ name: input.name, saved: true })),
    refuse: anyone.mutation(() => {
      throw invalid("name", "That name is taken");
    }),
    crash: anyone.mutation(() => {
      throw new Error("database exploded");
    }),
  }),
  feed: anyone.subscription(async function* () {
    yield await Promise.resolve({ tick: 1 });
  }),
});

const createContext = async ({ callerToken }: { callerToken: string | undefined }) => ({ caller: await callerFromToken(callerToken, secret) });
const teardown = new Teardown();
let direct: string;
let official: string;
let recorder: string;
const tookDirect: string[] = [];
let token: string;

beforeAll(async () => {
  token = await signCaller({ kind: "service", service: "test" }, secret);
  direct = teardown.server(await startTestServer({ name: "direct", router: testRouter, logger, createContext })).url;
  official = teardown.server(await startTestServer({ name: "official", router: testRouter, logger, createContext, directCalls: false })).url;
  // Which requests the direct path takes (the same handlers startTrpcServer combines).
  const context = async () => ({ caller: await callerFromToken(token, secret) });
  const directCall = createDirectCalls({ router: testRouter, createContext: context, onError: () => undefined });
  const trpcHandler = createHTTPHandler({ router: testRouter, createContext: context });
  const server = http.createServer((req, res) => {
    if (directCall(req, res)) tookDirect.push(`${req.method} ${req.url}`);
    else trpcHandler(req, res);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  teardown.add(server, (s) => new Promise<void>((resolve) => s.close(() => resolve())));
  recorder = `http://127.0.0.1:${port}`;
});
afterAll(() => teardown.run());

interface Probe {
  method: "GET" | "POST";
  path: string;
  body?: string;
  contentType?: string;
  anonymous?: boolean;
  /** Whether the direct path answers it (else tRPC's handler). */
  directly: boolean;
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;
const PROBES: Probe[] = [
  { method: "GET", path: `/echo.twice?${input({ n: 21 })}`, directly: true },
  { method: "GET", path: "/echo.twice", directly: true },
  { method: "GET", path: `/echo.twice?${input({ n: "many" })}`, directly: true },
  { method: "GET", path: "/echo.twice?input=%7Bnot-json", directly: true },
  { method: "GET", path: "/echo.plain", directly: true },
  { method: "GET", path: "/echo.adminsOnly", directly: true },
  { method: "GET", path: "/echo.plain", anonymous: true, directly: true },
  { method: "POST", path: "/things.create", body: JSON.stringify({ name: " Ada " }), directly: true },
  { method: "POST", path: "/things.create", body: JSON.stringify({ name: "  " }), directly: true },
  { method: "POST", path: "/things.create", body: "{half", directly: true },
  { method: "POST", path: "/things.create", body: JSON.stringify({ name: "Ada" }), contentType: "application/json; charset=utf-8", directly: true },
  { method: "POST", path: "/things.refuse", body: "", directly: true },
  { method: "POST", path: "/things.crash", body: "", directly: true },
  { method: "POST", path: "/things.create", body: JSON.stringify({ name: "Ada" }), contentType: "text/plain", directly: false },
  { method: "GET", path: "/things.create", directly: false },
  { method: "POST", path: "/echo.twice", body: JSON.stringify({ n: 1 }), directly: false },
  { method: "GET", path: "/echo.nowhere", directly: false },
  { method: "GET", path: "/%E0%A4%A", directly: false },
  { method: "GET", path: `/echo.twice,echo.plain?batch=1&${input({ 0: { n: 2 } })}`, directly: false },
  { method: "POST", path: "/things.create,things.refuse?batch=1", body: JSON.stringify({ 0: { name: "Ada" } }), directly: false },
];

async function send(base: string, probe: Probe) {
  const res = await fetch(`${base}${probe.path}`, {
    method: probe.method,
    headers: {
      ...(probe.anonymous ? {} : { [CALLER_HEADER]: token }),
      ...(probe.method === "POST" ? { "content-type": probe.contentType ?? "application/json" } : {}),
      "x-request-id": randomUUID(),
    },
    ...(probe.body !== undefined ? { body: probe.body } : {}),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get("content-type"), vary: res.headers.get("vary"), body: text ? (JSON.parse(text) as unknown) : null };
}

describe("direct calls", () => {
  it.each(PROBES)("$method $path: the same status, content type and body as tRPC's handler", async (probe) => {
    const [mine, theirs] = await Promise.all([send(direct, probe), send(official, probe)]);
    expect(mine).toEqual(theirs);
  });

  it("take exactly the single queries and mutations; the rest goes to tRPC's handler", async () => {
    for (const probe of PROBES) await send(recorder, probe);
    expect(tookDirect).toEqual(PROBES.filter((p) => p.directly).map((p) => `${p.method} ${p.path}`));
  });

  it("answer what they should (the comparison is not between two broken servers)", async () => {
    expect((await send(direct, PROBES[0]!)).body).toEqual({ result: { data: { n: 21, twice: 42 } } });
    expect(await send(direct, PROBES[8]!)).toMatchObject({ status: 400, body: { error: { data: { code: "BAD_REQUEST", fieldErrors: { name: ["Name it"] } } } } });
    expect(await send(direct, PROBES[11]!)).toMatchObject({ status: 400, body: { error: { message: "That name is taken", data: { fieldErrors: { name: ["That name is taken"] } } } } });
    expect(await send(direct, PROBES[12]!)).toMatchObject({ status: 500, body: { error: { data: { code: "INTERNAL_SERVER_ERROR" } } } });
    expect(await send(direct, PROBES[6]!)).toMatchObject({ status: 401 });
    expect(await send(direct, PROBES[5]!)).toMatchObject({ status: 403 });
  });
});
