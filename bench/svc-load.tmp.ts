import { randomUUID } from "node:crypto";
// Temporary experiment (not committed): closed loop straight at one hop, CPU per request of each process.
import { Agent, request } from "undici";
import { signCaller } from "@sysops/internal-auth";
import { demoCustomers, demoUsers } from "@sysops/demo-data";
import { cpuPerUnit, cpuSnapshot, formatCpu } from "./support/process-cpu.ts";
const [target = "svc", secondsArg = "10"] = process.argv.slice(2);
const seconds = Number(secondsArg);
const user = demoUsers.customers[0]!; const customer = demoCustomers.find((c) => c.id === user.customerId)!;
const token = await signCaller({ kind: "user", userId: user.id, role: "customer", name: user.name, customerId: customer.id }, "bench-secret-bench-secret-bench-secret");
const url = target === "svc" ? "http://127.0.0.1:5763/tickets.create" : "http://127.0.0.1:5661/customer.fileTicket";
const agent = new Agent({ connections: 64 });
const body = (n: number) => JSON.stringify(target === "svc"
  ? { customerId: customer.id, productId: customer.products[0]!.id, category: customer.products[0]!.category, description: `Load ${n}`, serviceAddress: customer.defaultAddress, channel: "web", idempotencyKey: randomUUID() }
  : { productId: customer.products[0]!.id, category: customer.products[0]!.category, description: `Load ${n}`, serviceAddress: customer.defaultAddress, idempotencyKey: randomUUID(), timeZone: "UTC" });
let n = 0, errors = 0;
const run = async (ms: number) => { const deadline = performance.now() + ms; await Promise.all(Array.from({ length: 32 }, async () => { while (performance.now() < deadline) { const r = await request(url, { method: "POST", dispatcher: agent, headers: { "content-type": "application/json", "x-sysops-caller": token }, body: body(n++) }); const t = await r.body.text(); if (r.statusCode !== 200 && errors++ < 3) console.log(r.statusCode, t.slice(0, 300)); } })); };
await run(2000);
const before = cpuSnapshot(5560); const n0 = n; const t0 = performance.now();
await run(seconds * 1000);
const done = n - n0; const wall = (performance.now() - t0) / 1000;
console.log(`${target}: ${(done / wall).toFixed(0)}/s, errors ${errors}`);
console.log(formatCpu(cpuPerUnit(before, cpuSnapshot(5560), done)));
process.exit(0);
