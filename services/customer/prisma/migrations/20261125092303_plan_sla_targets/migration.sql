-- AlterTable
ALTER TABLE "SupportPlan" ADD COLUMN     "acceptTargetMinutes" INTEGER NOT NULL DEFAULT 120,
ADD COLUMN     "assignTargetMinutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "requiredSkillLevel" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "resolveTargetMinutes" INTEGER NOT NULL DEFAULT 4320;

-- Backfill plans seeded before this migration (same values as @sysops/demo-data's plans, keyed by tier).
UPDATE "SupportPlan" SET "requiredSkillLevel" = 2, "assignTargetMinutes" = 240, "acceptTargetMinutes" = 120, "resolveTargetMinutes" = 4320 WHERE "tier" = 1;
UPDATE "SupportPlan" SET "requiredSkillLevel" = 3, "assignTargetMinutes" = 120, "acceptTargetMinutes" = 60, "resolveTargetMinutes" = 1440 WHERE "tier" = 2;
UPDATE "SupportPlan" SET "requiredSkillLevel" = 4, "assignTargetMinutes" = 30, "acceptTargetMinutes" = 15, "resolveTargetMinutes" = 480 WHERE "tier" = 3;
