import { allDemoUsers, demoUsers } from "@sysops/demo-data";
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
        data: { userId: expert.id, ...expert.profile, skills: { createMany: { data: expert.skills } } },
      });
    }
  });
  return true;
}
