import type { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";

/** What the gateway keeps in a session after sign-in. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
}

export const sessionUserSelect = { id: true, email: true, name: true, role: true, customerId: true } satisfies Prisma.UserSelect;

export const toSessionUser = (u: SessionUser): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, customerId: u.customerId });
