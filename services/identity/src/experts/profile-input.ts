/** The shape of an expert profile change as the API accepts it (validated before anything is written). */
import { PRODUCT_CATEGORIES } from "@sysops/demo-data";
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");

export const workingHoursSchema = z
  .array(
    z
      .object({ weekday: z.number().int().min(0).max(6), start: hhmm, end: hhmm })
      .refine((h) => h.start < h.end, { message: "A slot must end after it starts", path: ["end"] }),
  )
  .max(50);

export const skillsSchema = z
  .array(z.object({ category: z.enum(PRODUCT_CATEGORIES), level: z.number().int().min(1).max(5) }))
  .max(PRODUCT_CATEGORIES.length)
  .refine((skills) => new Set(skills.map((s) => s.category)).size === skills.length, "Each category at most once");

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Every field optional: only the given ones change. */
export const profileChangeSchema = z.object({
  phone: z.string().trim().max(32).optional(),
  skills: skillsSchema.optional(),
  homeLat: z.number().min(-90).max(90).optional(),
  homeLon: z.number().min(-180).max(180).optional(),
  radiusKm: z.number().positive().max(500).optional(),
  capacity: z.number().int().min(0).max(50).optional(),
  onDuty: z.boolean().optional(),
  timeZone: z.string().refine(isTimeZone, "Not an IANA time zone").optional(),
  workingHours: workingHoursSchema.optional(),
});

export type ProfileChange = z.infer<typeof profileChangeSchema>;
export type WorkingHours = z.infer<typeof workingHoursSchema>;
