/**
 * The shell's built files. `index.html` is revalidated on every load (it names the current assets);
 * files with a content hash in their name are cached for a year. Any other GET without a file extension
 * is a client-side route (`/tickets`, `/admin`) and gets `index.html`.
 * @see https://github.com/fastify/fastify-static#options
 */
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;
const NOT_SPA = /^\/(api|auth|mfe)(\/|$)/;

const cacheControlFor = (filePath: string) => (HASHED.test(path.basename(filePath)) ? "public, max-age=31536000, immutable" : "no-cache");

export async function shellFiles(app: FastifyInstance, shellDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: shellDir,
    prefix: "/",
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader("cache-control", cacheControlFor(filePath));
    },
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    const isRoute = (request.method === "GET" || request.method === "HEAD") && !NOT_SPA.test(pathname) && path.extname(pathname) === "";
    if (!isRoute) return reply.code(404).send({ error: "Not found" });
    return reply.header("cache-control", "no-cache").sendFile("index.html", shellDir, { cacheControl: false });
  });
}
