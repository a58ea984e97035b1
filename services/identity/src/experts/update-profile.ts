import { outboxCommitted } from "@sysops/events/relay-wake";
import type { Db } from "../db/client.ts";
import { loadProfileSnapshot, recordProfileChanged, type ExpertProfileSnapshot } from "./expert-profile.ts";
import type { ProfileChange } from "./profile-input.ts";

/**
 * Applies the given fields (skills, when given, replace the whole set) and records the resulting full
 * profile as `expert.profile_changed`, all in one transaction: the event exists exactly when the change does.
 */
export async function updateExpertProfile(db: Db, expertId: string, change: ProfileChange): Promise<ExpertProfileSnapshot> {
  const { skills, ...fields } = change;
  const snapshot = await db.$transaction(async (tx) => {
    // Read first: an unknown id (or a non-expert) is a NOT_FOUND naming it, not a Prisma error.
    await loadProfileSnapshot(tx, expertId);
    await tx.expertProfile.update({ where: { userId: expertId }, data: fields });
    if (skills) {
      await tx.expertSkill.deleteMany({ where: { expertId } });
      await tx.expertSkill.createMany({ data: skills.map((s) => ({ ...s, expertId })) });
    }
    return recordProfileChanged(tx, expertId);
  });
  outboxCommitted();
  return snapshot;
}
