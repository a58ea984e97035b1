import fs from "node:fs";
import path from "node:path";
import { suiteEnv } from "./suite-env.ts";

interface Registry {
  remotes: Record<string, { version: string; manifest: string }>;
}

export function readRegistry(): Registry {
  return JSON.parse(fs.readFileSync(path.join(suiteEnv.dataDir, "mfe", "registry.json"), "utf8")) as Registry;
}

/** Takes a deployed remote's files away (its manifest then answers 404); returns a function that puts them back. */
export function takeRemoteAway(name: string): () => void {
  const { version } = readRegistry().remotes[name]!;
  const folder = path.join(suiteEnv.dataDir, "mfe", name, version);
  const aside = `${folder}.away`;
  fs.renameSync(folder, aside);
  return () => fs.renameSync(aside, folder);
}
