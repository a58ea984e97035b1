import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { workingHoursSchema, type WorkingHours } from "./profile-input.ts";

const expertSelect = {
  id: true,
  name: true,
  email: true,
  expertProfile: {
    select: {
      homeLat: true,
      homeLon: true,
      radiusKm: true,
      onDuty: true,
      capacity: true,
      timeZone: true,
      phone: true,
      workingHours: true,
      skills: { select: { category: true, level: true }, orderBy: { level: "desc" } },
    },
  },
} satisfies Prisma.UserSelect;

export interface ExpertView {
  id: string;
  name: string;
  email: string;
  area: { homeLat: number; homeLon: number; radiusKm: number };
  onDuty: boolean;
  capacity: number;
  timeZone: string;
  phone: string;
  workingHours: WorkingHours;
  skills: { category: string; level: number }[];
}

export async function listExperts(db: Db): Promise<ExpertView[]> {
  const rows = await db.user.findMany({ where: { role: "expert", expertProfile: { isNot: null } }, select: expertSelect, orderBy: { name: "asc" } });
  return rows.flatMap(({ expertProfile: p, ...u }) => {
    if (!p) return [];
    const { homeLat, homeLon, radiusKm, workingHours, ...rest } = p;
    return [{ ...u, ...rest, area: { homeLat, homeLon, radiusKm }, workingHours: workingHoursSchema.parse(workingHours) }];
  });
}
