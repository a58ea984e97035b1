#!/usr/bin/env node
/**
 * Prints the suite's footprint figures:
 *  - time from `npm start` to "ready" (run it on a fresh clone for the cold figure, again for the warm one);
 *  - resident memory of the whole running suite (launcher + every child process, from /proc; Linux only);
 *  - gzip size of the initial JS of the shell and of each remote (remoteEntry.js + the chunks its manifest
 *    lists as synchronous for the exposed module).
 * Usage: node bench/suite-footprint.mjs [--sizes-only]   (SYSOPS_PORT_BASE picks the ports, default 3000)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const gz = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function initialJsSizes() {
  const rows = [];
  const shellDist = path.join(root, "shell/dist");
  const html = fs.readFileSync(path.join(shellDist, "index.html"), "utf8");
  const shellScripts = [...html.matchAll(/<script[^>]+src="?([^" >]+)"?/g)].map((m) => m[1].replace(/^\//, ""));
  rows.push(["shell", shellScripts.reduce((sum, s) => sum + gz(path.join(shellDist, s)), 0), shellScripts.join(", ")]);
  for (const name of ["ticketing", "customer", "admin", "reporting", "kb"]) {
    const dist = path.join(root, `mfe-${name}/dist`);
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, "mf-manifest.json"), "utf8"));
    const entry = manifest.metaData.remoteEntry.name;
    const exposed = manifest.exposes.flatMap((e) => e.assets.js.sync);
    const files = [entry, ...new Set(exposed)];
    rows.push([`mfe-${name}`, files.reduce((sum, f) => sum + gz(path.join(dist, f)), 0), files.join(", ")]);
  }
  return rows;
}

function descendants(pid) {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const children = new Map();
  for (const p of all) {
    try {
      const ppid = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ")[1];
      children.set(ppid, [...(children.get(ppid) ?? []), p]);
    } catch {}
  }
  const out = [];
  const walk = (p) => (children.get(String(p)) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

const rssKb = (pid) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
};

async function startAndMeasure() {
  const started = performance.now();
  const child = spawn("npm", ["start"], { cwd: root, env: process.env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      if (chunk.toString().includes("is ready at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 3000));
  const pids = [child.pid, ...descendants(child.pid)];
  const totalKb = pids.reduce((sum, p) => sum + rssKb(p), 0);
  process.kill(-child.pid, "SIGINT");
  await new Promise((r) => child.once("exit", r));
  return { seconds, totalKb, processes: pids.length };
}

if (!process.argv.includes("--sizes-only")) {
  const { seconds, totalKb, processes } = await startAndMeasure();
  console.log(`npm start → ready: ${seconds.toFixed(1)} s`);
  console.log(`running suite RSS: ${(totalKb / 1024).toFixed(0)} MB over ${processes} processes (incl. npm, launcher, embedded PostgreSQL if used)`);
}
console.log("initial JS (gzip):");
for (const [name, size, files] of initialJsSizes()) console.log(`  ${name.padEnd(15)} ${kb(size).padStart(9)}  (${files})`);
