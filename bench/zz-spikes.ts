import { performance } from "node:perf_hooks";
import { demoUsers } from "@sysops/demo-data";
import { fileTicket, signInCustomer, benchAgent } from "./support/customer-session.ts";
const base = "http://127.0.0.1:5560";
const sessions = await Promise.all(demoUsers.customers.map((c) => signInCustomer(base, c.email)));
const rate = 200, seconds = 40;
const t0 = performance.now(); const lat: [number, number][] = []; const ps: Promise<void>[] = [];
for (let n = 0; n < rate * seconds; n++) {
  const due = t0 + (n * 1000) / rate; const w = due - performance.now(); if (w > 0) await new Promise((r) => setTimeout(r, w));
  const s = performance.now();
  ps.push(fileTicket(sessions[n % sessions.length]!, `spike ${n}`).then(() => void lat.push([(s - t0) / 1000, performance.now() - s])));
}
await Promise.all(ps);
const bySec = new Map<number, number[]>();
for (const [t, l] of lat) { const k = Math.floor(t); bySec.set(k, [...(bySec.get(k) ?? []), l]); }
for (const [k, v] of [...bySec].sort((a, b) => a[0] - b[0])) { v.sort((a, b) => a - b); const p99 = v[Math.floor(v.length * 0.99)]!; const max = v.at(-1)!; if (p99 > 40 || k % 5 === 0) console.log(`t=${k}s n=${v.length} p50=${v[Math.floor(v.length/2)]!.toFixed(0)} p99=${p99.toFixed(0)} max=${max.toFixed(0)} ${new Date(Date.now() - (performance.now() - t0 - k * 1000)).toISOString()}`); }
await benchAgent.close();
