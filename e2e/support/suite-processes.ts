/**
 * Finds the processes of THIS e2e suite (by script path and its SYSOPS_PORT_BASE), so a test can kill one
 * and watch the launcher's supervisor bring it back. Never matches another suite's processes.
 */
import fs from "node:fs";
import { suiteEnv } from "./suite-env.ts";

function readProc(pid: string, file: string): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8").split("\0");
  } catch {
    return []; // gone, or not ours to read
  }
}

/** Pids of live processes whose command line names `script` and whose environment has this suite's port base. */
export function suiteProcessPids(script: string): number[] {
  const portBase = `SYSOPS_PORT_BASE=${suiteEnv.portBase}`;
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => readProc(pid, "cmdline").some((arg) => arg.endsWith(script)))
    .filter((pid) => readProc(pid, "environ").includes(portBase))
    .map(Number);
}

/** Every live process of this suite (the scripts under dist/ the launcher started), by script path. */
export function suiteProcessesByScript(): Map<string, number[]> {
  const portBase = `SYSOPS_PORT_BASE=${suiteEnv.portBase}`;
  const byScript = new Map<string, number[]>();
  for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    const script = readProc(pid, "cmdline").find((arg) => /\/dist\/[\w-]+\.js$/.test(arg) && !arg.includes("/launcher/"));
    if (!script || !readProc(pid, "environ").includes(portBase)) continue;
    byScript.set(script, [...(byScript.get(script) ?? []), Number(pid)]);
  }
  return byScript;
}

/** The one process of this suite running `script`; throws when there is none or more than one. */
export function suiteProcessPid(script: string): number {
  const pids = suiteProcessPids(script);
  if (pids.length !== 1) throw new Error(`expected one process running ${script} with ${suiteEnv.portBase} as port base, found [${pids.join(", ")}]`);
  return pids[0]!;
}

/** Polls `check` every `intervalMs` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function pollUntil<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 1_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
