-- AlterTable
ALTER TABLE "ExpertProfile" ADD COLUMN     "phone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "workingHours" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" UUID NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_occurredAt_idx" ON "OutboxEvent"("publishedAt", "occurredAt");

-- Profiles created before working hours existed were available at any time: keep them so (every day, all day).
UPDATE "ExpertProfile" SET "workingHours" = (
  SELECT jsonb_agg(jsonb_build_object('weekday', d, 'start', '00:00', 'end', '23:59') ORDER BY d) FROM generate_series(0, 6) AS d
);
