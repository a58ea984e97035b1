/**
 * Signed-in users, kept in Redis under an unguessable id (32 random bytes, base64url). The TTL slides:
 * every read extends it, so an active user stays signed in and an idle one is signed out after 8 hours.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import { userRoleSchema } from "@sysops/internal-auth/roles";

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  customerId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const SESSION_TTL_SECONDS = 8 * 60 * 60;

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    /** `sysops:session:` in the suite; tests use their own prefix. */
    private readonly keyPrefix = "sysops:session:",
    private readonly ttlSeconds = SESSION_TTL_SECONDS,
  ) {}

  async create(user: SessionUser): Promise<string> {
    const id = randomBytes(32).toString("base64url");
    await this.redis.set(this.key(id), JSON.stringify(user), "EX", this.ttlSeconds);
    return id;
  }

  /** The session's user, extending its TTL; null when unknown, expired or unreadable. */
  async touch(id: string | undefined): Promise<SessionUser | null> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const raw = await this.redis.getex(this.key(id), "EX", this.ttlSeconds);
    if (!raw) return null;
    const parsed = sessionUserSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id) await this.redis.del(this.key(id));
  }

  key(id: string): string {
    return `${this.keyPrefix}${id}`;
  }
}
