/**
 * Remotes through the Module Federation runtime: registered at run time from the registry, loaded by name.
 * @see https://module-federation.io/guide/basic/runtime/runtime-api
 */
import { loadRemote, registerRemotes } from "@module-federation/enhanced/runtime";
import type { LifeCycles } from "single-spa";
import type { MfeProps } from "@sysops/mf-config/contract";
import type { AppName } from "./portals.ts";
import { fetchRemoteLocations, type RemoteLocations } from "./registry.ts";

const registered: RemoteLocations = {};

export const federationName = (app: AppName) => `mfe_${app}`;

/**
 * Registers every remote whose manifest URL is new or changed. `force` replaces a remote registered before,
 * so a new version in the registry (or a remote that failed) is fetched afresh.
 */
export async function refreshRemotes(): Promise<void> {
  const locations = await fetchRemoteLocations();
  const changed = (Object.entries(locations) as [AppName, string][]).filter(([app, url]) => registered[app] !== url);
  if (changed.length === 0) return;
  registerRemotes(
    changed.map(([app, entry]) => ({ name: federationName(app), entry })),
    { force: true },
  );
  for (const [app, url] of changed) registered[app] = url;
}

/** Makes the next refresh register the app's remote again (with `force`), dropping what the runtime cached. */
export function forgetRemote(app: AppName): void {
  delete registered[app];
}

/**
 * Loads an app's single-spa lifecycles. A failure propagates (no fallback module): single-spa marks the app
 * LOAD_ERROR and loads it again on the next reroute, which is what lets it recover in the same page.
 */
export async function loadApp(app: AppName): Promise<LifeCycles<MfeProps>> {
  if (!registered[app]) throw new Error(`No location known for remote ${federationName(app)}.`);
  const module = await loadRemote<LifeCycles<MfeProps>>(`${federationName(app)}/app`);
  if (!module || typeof module.mount !== "function") throw new Error(`${federationName(app)}/app exposes no single-spa lifecycles.`);
  return module;
}
