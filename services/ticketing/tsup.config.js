// Two processes from one package: svc-ticketing (API, src/main.ts) and svc-ticketing-worker (background work,
// src/worker-main.ts); code they share lands in a common chunk.
import base from "../../tsup.node.js";

export default { ...base, entry: ["src/main.ts", "src/worker-main.ts"] };
