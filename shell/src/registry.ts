/**
 * Where each remote lives right now: `/mfe/registry.json` (written by whoever deploys a remote), with a
 * per-browser developer override `localStorage["sysops:mfe-override:<name>"] = "<manifest url>"`.
 */
import { APP_NAMES, type AppName } from "./portals.ts";

export const REGISTRY_URL = "/mfe/registry.json";
export const OVERRIDE_PREFIX = "sysops:mfe-override:";

/** App name → absolute manifest URL; apps missing from the registry are absent. */
export type RemoteLocations = Partial<Record<AppName, string>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the registry document defensively: a malformed entry drops that remote, not the others. */
export function parseRegistry(doc: unknown, baseUrl: string): RemoteLocations {
  const remotes = isRecord(doc) && isRecord(doc.remotes) ? doc.remotes : {};
  const locations: RemoteLocations = {};
  for (const name of APP_NAMES) {
    const entry = remotes[name];
    if (isRecord(entry) && typeof entry.manifest === "string" && entry.manifest) {
      locations[name] = new URL(entry.manifest, baseUrl).href;
    }
  }
  return locations;
}

/** Overrides win over the registry, for working on one remote against a running suite. */
export function applyOverrides(locations: RemoteLocations, storage: Pick<Storage, "getItem">, baseUrl: string): RemoteLocations {
  const result: RemoteLocations = { ...locations };
  for (const name of APP_NAMES) {
    const override = storage.getItem(`${OVERRIDE_PREFIX}${name}`);
    if (override) result[name] = new URL(override, baseUrl).href;
  }
  return result;
}

/** The current locations; an unreachable registry yields only the overrides (the apps then retry). */
export async function fetchRemoteLocations(): Promise<RemoteLocations> {
  const base = window.location.origin;
  let locations: RemoteLocations = {};
  try {
    const response = await fetch(REGISTRY_URL, { cache: "no-store" });
    if (response.ok) locations = parseRegistry(await response.json(), base);
  } catch {
    // Network failure: same as an empty registry; the affected apps show their retry message.
  }
  return applyOverrides(locations, window.localStorage, base);
}
