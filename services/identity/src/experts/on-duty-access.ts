import type { Caller } from "@sysops/internal-auth";
import { forbidden } from "@sysops/domain-errors";

/** An expert may switch only their own duty; admins anyone's. */
export function assertMaySetOnDuty(caller: Caller, expertId: string): void {
  if (caller.kind === "user" && caller.role === "admin") return;
  if (caller.kind === "user" && caller.role === "expert" && caller.userId === expertId) return;
  throw forbidden("Only the expert themself or an admin may change their duty");
}
