/**
 * Micro-frontend assets deployed by the launcher under `${SYSOPS_DATA_DIR}/mfe/`. Version folders never
 * change once written, so their files are cached for a year; the registry that says which version is live
 * is revalidated on every load.
 * @see https://github.com/fastify/fastify-static#options
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export async function mfeAssets(app: FastifyInstance, mfeDir: string): Promise<void> {
  app.get("/mfe/registry.json", async (_request, reply) => {
    const body = await readFile(path.join(mfeDir, "registry.json"), "utf8").catch(() => null);
    if (body === null) return reply.code(404).send({ error: "No micro-frontend registry yet" });
    return reply.header("cache-control", "no-cache").type("application/json").send(body);
  });

  await app.register(fastifyStatic, {
    root: mfeDir,
    prefix: "/mfe/",
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (res) => {
      res.setHeader("cache-control", "public, max-age=31536000, immutable");
    },
  });
}
