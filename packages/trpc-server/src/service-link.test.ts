/** The service link against a real tRPC server over HTTP: results, error shapes and a dead service, as httpLink gives them. */
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { invalid } from "@sysops/domain-errors";
import { CALLER_HEADER, signCaller, type Caller } from "@sysops/internal-auth";
import { createLogger } from "@sysops/logger";
import { createServiceTrpc, callerFromToken } from "./service.ts";
import { serviceLink } from "./service-link.ts";
import { freePort, startTestServer, Teardown } from "./testing.ts";

const secret = "service-link-test-secret-0123456789abcdef";
const { router, requireRole } = createServiceTrpc<{ caller: Caller | null }>();
const anyone = requireRole("service");
const testRouter = router({
  twice: anyone.input(z.object({ n: z.number().int() })).query(({ input }) => input.n * 2),
  plain: anyone.query(() => ({ fixed: true })),
  save: anyone.input(z.object({ name: z.string().min(1, "Name it") })).mutation(({ input }) => ({ saved: input.name })),
  refuse: anyone.mutation(() => {
    throw invalid("name", "That name is taken");
  }),
});
type TestRouter = typeof testRouter;

const teardown = new Teardown();
let url: string;
let token: string;
beforeAll(async () => {
  token = await signCaller({ kind: "service", service: "test" }, secret);
  const server = teardown.server(
    await startTestServer({ name: "link-test", router: testRouter, logger: createLogger("link-test", "silent"), createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, secret) }) }),
  );
  url = server.url;
});
afterAll(() => teardown.run());

const clients = () => ({
  mine: createTRPCClient<TestRouter>({ links: [serviceLink<TestRouter>({ url, headers: () => ({ [CALLER_HEADER]: token }) })] }),
  theirs: createTRPCClient<TestRouter>({ links: [httpLink({ url, headers: () => ({ [CALLER_HEADER]: token }) })] }),
});
const failure = async (call: Promise<unknown>) => {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
  return { message: error.message, data: error.data as unknown };
};

describe("service link", () => {
  it("gives the same results as httpLink for queries and mutations", async () => {
    const { mine, theirs } = clients();
    expect(await mine.twice.query({ n: 21 })).toBe(42);
    expect(await mine.plain.query()).toEqual(await theirs.plain.query());
    expect(await mine.save.mutate({ name: "Ada" })).toEqual(await theirs.save.mutate({ name: "Ada" }));
  });

  it("gives the same TRPCClientError (message, code, field errors) as httpLink", async () => {
    const { mine, theirs } = clients();
    for (const call of [(c: typeof mine) => c.save.mutate({ name: "" }), (c: typeof mine) => c.refuse.mutate(), (c: typeof mine) => c.twice.query({ n: 1.5 })]) {
      const [a, b] = [await failure(call(mine)), await failure(call(theirs))];
      expect(a).toEqual(b);
      expect(a.data).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await failure(mine.refuse.mutate())).data).toMatchObject({ fieldErrors: { name: ["That name is taken"] } });
  });

  it("turns a service that does not answer into a TRPCClientError", async () => {
    const dead = createTRPCClient<TestRouter>({ links: [serviceLink<TestRouter>({ url: `http://127.0.0.1:${await freePort()}`, headers: () => ({}) })] });
    await expect(dead.plain.query()).rejects.toBeInstanceOf(TRPCClientError);
  });
});
