import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const userSummarySelect = { id: true, email: true, name: true, role: true } satisfies Prisma.UserSelect;

export type UserSummary = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>;

export function listUsers(db: Db): Promise<UserSummary[]> {
  return db.user.findMany({ select: userSummarySelect, orderBy: [{ role: "asc" }, { name: "asc" }] });
}
