/**
 * IDENTITY STAND-IN, FOR GATEWAY TESTS ONLY. A real tRPC server with the same `auth.verifyPassword` shape
 * as the identity service (which was still being written when these tests were), so the gateway's sign-in
 * runs over real HTTP. It also checks what the real service checks: the caller is a `service` caller
 * signed with the suite's secret.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { initTRPC, TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { z } from "zod";
import { CALLER_HEADER, verifyCaller, type Caller } from "@sysops/internal-auth";
import type { SessionUser } from "../session/session-store.ts";

export const STAND_IN_USER: SessionUser & { password: string } = {
  id: "u-ann",
  email: "ann@example.com",
  name: "Ann Customer",
  role: "customer",
  customerId: "c-ann",
  password: "correct horse battery staple",
};

export interface IdentityStandIn {
  url: string;
  /** Every caller that reached `auth.verifyPassword`, as verified from its token. */
  callers: Caller[];
  close(): Promise<void>;
}

export async function startIdentityStandIn(secret: string): Promise<IdentityStandIn> {
  const callers: Caller[] = [];
  const t = initTRPC.context<{ callerToken: string | undefined }>().create();
  const router = t.router({
    auth: t.router({
      verifyPassword: t.procedure.input(z.object({ email: z.string(), password: z.string() })).mutation(async ({ ctx, input }) => {
        const caller = await verifyCaller(ctx.callerToken, secret).catch(() => null);
        if (caller?.kind !== "service") throw new TRPCError({ code: "FORBIDDEN" });
        callers.push(caller);
        const { password, ...user } = STAND_IN_USER;
        return { user: input.email === user.email && input.password === password ? user : null };
      }),
    }),
  });
  const handler = createHTTPHandler({
    router,
    createContext: ({ req }) => ({ callerToken: req.headers[CALLER_HEADER] as string | undefined }),
  });
  const server = http.createServer((req, res) => {
    if (req.url === "/readyz") return res.writeHead(200).end("{}");
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    callers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
