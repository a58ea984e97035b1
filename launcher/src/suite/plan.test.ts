import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { suitePlan } from "./plan.ts";

const BASE = 4000;
const plan = suitePlan(BASE);
const all = plan.flat();

/** The entries a package's tsup config builds, as the `dist/*.js` files they become. */
async function builtScripts(packageDir: string): Promise<string[]> {
  const config = (await import(pathToFileURL(path.join(packageDir, "tsup.config.js")).href)) as { default: { entry: string[] } };
  return config.default.entry.map((entry) => path.join(packageDir, "dist", `${path.basename(entry, ".ts")}.js`));
}

describe("suitePlan", () => {
  it("gives every process its own name and readiness port", () => {
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
    expect(new Set(all.map((p) => new URL(p.readyUrl).port)).size).toBe(all.length);
  });

  it("runs ticketing as two processes: the API on base+203 and svc-ticketing-worker on base+207, started with the services", () => {
    const [services] = plan;
    expect(services).toContainEqual(expect.objectContaining({ name: "svc-ticketing", readyUrl: `http://127.0.0.1:${BASE + 203}/readyz` }));
    const worker = services!.find((p) => p.name === "svc-ticketing-worker");
    expect(worker?.readyUrl).toBe(`http://127.0.0.1:${BASE + 207}/readyz`);
    expect(worker?.script.endsWith(path.join("services", "ticketing", "dist", "worker-main.js"))).toBe(true);
  });

  it("starts only scripts that their package's build produces", async () => {
    for (const spec of all) {
      const packageDir = path.dirname(path.dirname(spec.script));
      expect(await builtScripts(packageDir), spec.name).toContain(spec.script);
    }
  });
});
