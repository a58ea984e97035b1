import { loadEnv, requireEnv } from "@sysops/config";
import { suitePorts } from "@sysops/config/ports";
import { createLogger } from "@sysops/logger";
import { exitOnSignals, startTrpcServer } from "@sysops/trpc-server/server";
import { customerRouter } from "./api/router.ts";
import { callerFromToken } from "./api/trpc.ts";
import { createDb } from "./db/client.ts";

const env = loadEnv();
const logger = createLogger("svc-customer", env.LOG_LEVEL);
const secret = requireEnv(env, "SYSOPS_INTERNAL_SECRET");
const db = createDb(requireEnv(env, "DATABASE_URL"));

const server = await startTrpcServer({
  name: "svc-customer",
  port: suitePorts(env.SYSOPS_PORT_BASE).service.customer,
  router: customerRouter,
  logger,
  createContext: async ({ callerToken }) => ({ caller: await callerFromToken(callerToken, secret), db }),
  checkReady: async () => {
    await db.$queryRaw`SELECT 1`;
  },
  onClose: () => db.$disconnect(),
});
exitOnSignals(server, logger);
