import { initTRPC } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createLogger } from "@sysops/logger";
import { freePort, startTestServer, Teardown } from "./testing.ts";

describe("test helpers", () => {
  it("freePort gives a port nothing listens on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("startTestServer serves the router on a free port until the teardown closes it", async () => {
    const t = initTRPC.create();
    const router = t.router({ hello: t.procedure.query(() => "hi") });
    const teardown = new Teardown();
    const server = teardown.server(await startTestServer({ name: "testing-test", router, logger: createLogger("testing-test", "silent"), createContext: () => Promise.resolve({}) }));
    const res = await fetch(`${server.url}/hello`);
    expect(await res.json()).toEqual({ result: { data: "hi" } });
    await teardown.run();
    await expect(fetch(`${server.url}/hello`)).rejects.toThrow();
  });

  it("Teardown runs its steps once, last added first", async () => {
    const ran: string[] = [];
    const teardown = new Teardown();
    expect(teardown.add("db", (name) => void ran.push(name))).toBe("db");
    teardown.add("service", (name) => Promise.resolve().then(() => void ran.push(name)));
    teardown.add("bff", (name) => void ran.push(name));
    await teardown.run();
    await teardown.run();
    expect(ran).toEqual(["bff", "service", "db"]);
  });
});
