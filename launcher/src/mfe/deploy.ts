/**
 * Ships a micro-frontend: copies its built `dist/` into an immutable version folder
 * `<data dir>/mfe/<name>/<version>/` and points `<data dir>/mfe/registry.json` at it. The gateway serves
 * both; the shell reads the registry at run time, so shipping a remote never rebuilds the shell.
 * The version is the package version plus a hash of the built files, so a rebuild with changes gets a
 * new folder and browsers may cache every folder forever.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "@sysops/config";

export const MFE_NAMES = ["ticketing", "customer", "admin", "reporting", "kb"] as const;
export type MfeName = (typeof MFE_NAMES)[number];

export interface RegistryEntry {
  version: string;
  manifest: string;
}
export interface Registry {
  remotes: Partial<Record<MfeName, RegistryEntry>>;
}

const registryPath = (dataDir: string) => path.join(dataDir, "mfe", "registry.json");

export function readRegistry(dataDir: string): Registry {
  try {
    return JSON.parse(fs.readFileSync(registryPath(dataDir), "utf8")) as Registry;
  } catch {
    return { remotes: {} };
  }
}

function writeRegistry(dataDir: string, registry: Registry): void {
  const file = registryPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(registry, null, 2)}\n`);
  fs.renameSync(tmp, file); // atomic: the gateway never serves a half-written registry
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export function builtVersion(distDir: string, packageVersion: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(distDir)) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(distDir, file)));
  }
  return `${packageVersion}-${hash.digest("hex").slice(0, 10)}`;
}

export function deployMfe(name: MfeName, dataDir: string, sourceDir = path.join(REPO_ROOT, `mfe-${name}`)): RegistryEntry {
  const distDir = path.join(sourceDir, "dist");
  if (!fs.existsSync(path.join(distDir, "mf-manifest.json"))) {
    throw new Error(`mfe-${name} is not built (${distDir}/mf-manifest.json missing): run npm run build`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(sourceDir, "package.json"), "utf8")) as { version: string };
  const version = builtVersion(distDir, pkg.version);
  const target = path.join(dataDir, "mfe", name, version);
  if (!fs.existsSync(path.join(target, "mf-manifest.json"))) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(distDir, `${target}.tmp`, { recursive: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(`${target}.tmp`, target);
  }
  const entry = { version, manifest: `/mfe/${name}/${version}/mf-manifest.json` };
  const registry = readRegistry(dataDir);
  registry.remotes[name] = entry;
  writeRegistry(dataDir, registry);
  return entry;
}
