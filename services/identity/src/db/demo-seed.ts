import { allDemoUsers, demoUsers } from "@sysops/demo-data";
import { expertProfileChanged } from "@sysops/events/catalog";
import { recordProfileChanged } from "../experts/expert-profile.ts";
import type { Db } from "./client.ts";
import { DEMO_PASSWORD_HASH } from "./demo-password-hash.ts";

/** Inserts the demo users and expert profiles unless identity already has users; true when it seeded. */
export async function seedDemoUsers(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    await tx.user.createMany({
      data: allDemoUsers.map((u) => ({ id: u.id, email: u.email.toLowerCase(), name: u.name, role: u.role, customerId: u.customerId, passwordHash: DEMO_PASSWORD_HASH })),
    });
    for (const expert of demoUsers.experts) {
      await tx.expertProfile.create({
        data: { userId: expert.id, ...expert.profile, workingHours: expert.workingHours.map((h) => ({ ...h })), skills: { createMany: { data: expert.skills } } },
      });
    }
  });
  return true;
}

/**
 * Writes one `expert.profile_changed` per expert unless the outbox has ever held one, so other services'
 * projections fill on a fresh suite and on databases seeded before identity had an outbox. Returns how many.
 */
export async function publishInitialProfiles(db: Db): Promise<number> {
  return db.$transaction(async (tx) => {
    if ((await tx.outboxEvent.count({ where: { type: expertProfileChanged.type } })) > 0) return 0;
    const experts = await tx.user.findMany({ where: { role: "expert", expertProfile: { isNot: null } }, select: { id: true }, orderBy: { id: "asc" } });
    for (const { id } of experts) await recordProfileChanged(tx, id);
    return experts.length;
  });
}
