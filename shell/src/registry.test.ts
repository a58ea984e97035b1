import { describe, expect, it } from "vitest";
import { applyOverrides, parseRegistry } from "./registry.ts";

const base = "https://suite.test";

describe("parseRegistry", () => {
  it("resolves each remote's manifest against the page origin", () => {
    const doc = {
      remotes: {
        ticketing: { version: "0.1.0-abc", manifest: "/mfe/ticketing/0.1.0-abc/mf-manifest.json" },
        kb: { version: "0.1.0-def", manifest: "https://cdn.test/kb/mf-manifest.json" },
      },
    };
    expect(parseRegistry(doc, base)).toEqual({
      ticketing: "https://suite.test/mfe/ticketing/0.1.0-abc/mf-manifest.json",
      kb: "https://cdn.test/kb/mf-manifest.json",
    });
  });

  it("drops malformed entries and unknown remotes without failing", () => {
    const doc = { remotes: { ticketing: { version: "1" }, customer: "nope", shop: { manifest: "/x.json" }, admin: { manifest: "/a.json" } } };
    expect(parseRegistry(doc, base)).toEqual({ admin: "https://suite.test/a.json" });
    expect(parseRegistry(null, base)).toEqual({});
    expect(parseRegistry({ remotes: [] }, base)).toEqual({});
  });
});

describe("applyOverrides", () => {
  it("lets a localStorage override win over the registry", () => {
    const storage = { getItem: (key: string) => (key === "sysops:mfe-override:kb" ? "http://localhost:3305/mf-manifest.json" : null) };
    const result = applyOverrides({ kb: `${base}/mfe/kb/1/mf-manifest.json`, admin: `${base}/a.json` }, storage, base);
    expect(result).toEqual({ kb: "http://localhost:3305/mf-manifest.json", admin: `${base}/a.json` });
  });
});
