import type { Db } from "../db/client.ts";
import type { Role } from "../generated/prisma/client.ts";

export interface UserContact {
  id: string;
  name: string;
  email: string;
}

/** For services that address people by role (notification mails the managers about escalations). */
export function usersByRole(db: Db, role: Role): Promise<UserContact[]> {
  return db.user.findMany({ where: { role }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}
