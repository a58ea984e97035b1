import type { TRPCRouterRecord } from "@trpc/server";
import { requireRole } from "../trpc.ts";

export const usersRouter = {
  list: requireRole("admin").query(async ({ ctx }) => {
    const users = await ctx.services.identity.users.list.query();
    return users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role }));
  }),
} satisfies TRPCRouterRecord;
