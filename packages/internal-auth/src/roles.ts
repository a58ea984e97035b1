import { z } from "zod";

/** People who sign in. Mirrors identity's Prisma `Role` enum (a test there keeps the two equal). */
export const USER_ROLES = ["customer", "agent", "expert", "manager", "admin"] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;
