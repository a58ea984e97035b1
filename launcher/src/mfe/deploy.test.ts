import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deployMfe, readRegistry } from "./deploy.ts";

let root: string;
let source: string;
let dataDir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "mfe-deploy-"));
  source = path.join(root, "mfe-kb");
  dataDir = path.join(root, "data");
  fs.mkdirSync(path.join(source, "dist"), { recursive: true });
  fs.writeFileSync(path.join(source, "package.json"), JSON.stringify({ version: "1.2.3" }));
  fs.writeFileSync(path.join(source, "dist", "mf-manifest.json"), "{}");
  fs.writeFileSync(path.join(source, "dist", "remoteEntry.js"), "a");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("deployMfe", () => {
  it("copies the build into a version folder and points the registry at it", () => {
    const entry = deployMfe("kb", dataDir, source);
    expect(entry.version).toMatch(/^1\.2\.3-[0-9a-f]{10}$/);
    expect(fs.readFileSync(path.join(dataDir, "mfe", "kb", entry.version, "remoteEntry.js"), "utf8")).toBe("a");
    expect(readRegistry(dataDir).remotes.kb).toEqual({ version: entry.version, manifest: `/mfe/kb/${entry.version}/mf-manifest.json` });
  });

  it("gives a changed build a new version and keeps the old folder", () => {
    const first = deployMfe("kb", dataDir, source);
    fs.writeFileSync(path.join(source, "dist", "remoteEntry.js"), "b");
    const second = deployMfe("kb", dataDir, source);
    expect(second.version).not.toBe(first.version);
    expect(fs.existsSync(path.join(dataDir, "mfe", "kb", first.version))).toBe(true);
    expect(readRegistry(dataDir).remotes.kb?.version).toBe(second.version);
  });

  it("refuses an unbuilt remote and leaves the registry alone", () => {
    fs.rmSync(path.join(source, "dist", "mf-manifest.json"));
    expect(() => deployMfe("kb", dataDir, source)).toThrow(/not built/);
    expect(readRegistry(dataDir).remotes).toEqual({});
  });
});
