import { allDemoUsers, DEMO_PASSWORD, demoUsers } from "@sysops/demo-data";
import { hashPassword } from "../auth/password.ts";
import type { Db } from "./client.ts";

/** Inserts the demo users and expert profiles unless identity already has users; true when it seeded. */
export async function seedDemoUsers(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const hashes = await Promise.all(allDemoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  await db.$transaction(async (tx) => {
    await tx.user.createMany({
      data: allDemoUsers.map((u, i) => ({ id: u.id, email: u.email.toLowerCase(), name: u.name, role: u.role, customerId: u.customerId, passwordHash: hashes[i] ?? "" })),
    });
    for (const expert of demoUsers.experts) {
      await tx.expertProfile.create({
        data: { userId: expert.id, ...expert.profile, skills: { createMany: { data: expert.skills } } },
      });
    }
  });
  return true;
}
