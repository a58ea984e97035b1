/** Shell and micro-frontend files, the SPA fallback, and health/readiness. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HASHED_ASSET, REGISTRY, startGateway, type GatewayHarness } from "../testing/gateway-harness.ts";

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.close());

const get = (url: string) => gw.app.inject({ url });

describe("micro-frontend files", () => {
  it("serves the registry with no-cache", async () => {
    const res = await get("/mfe/registry.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.json()).toEqual(REGISTRY);
  });

  it("serves versioned files as immutable, and 404 for a missing one", async () => {
    const res = await get("/mfe/ticketing/0.1.0-abc123/mf-manifest.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/mfe/ticketing/0.1.0-abc123/missing.js")).statusCode).toBe(404);
    expect((await get("/mfe/nope/1.0.0/remoteEntry.js")).statusCode).toBe(404);
  });
});

describe("shell", () => {
  it("serves index.html with no-cache at / and for client-side routes", async () => {
    for (const url of ["/", "/tickets", "/admin/users?tab=1"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.body, url).toContain("<title>Sysops Squad</title>");
    }
  });

  it("caches hashed assets and 404s missing files and unknown API paths", async () => {
    const asset = await get(`/${HASHED_ASSET}`);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get("/missing.js")).statusCode).toBe(404);
    expect((await get("/api/unknown/thing")).statusCode).toBe(404);
  });
});

describe("health", () => {
  it("/healthz answers while alive", async () => {
    expect((await get("/healthz")).statusCode).toBe(200);
  });

  it("/readyz is 503 naming the BFF that is down, and only that one", async () => {
    const res = await get("/readyz");
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: "not ready", down: ["bff-kb"] });
  });
});
