-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('active', 'rejected', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "SlaTarget" AS ENUM ('assign', 'accept', 'resolve');

-- CreateEnum
CREATE TYPE "SlaFiringKind" AS ENUM ('warning', 'breach');

-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'system';

-- Hand-edited: tickets filed before this migration get placeholder snapshots (defaults dropped below,
-- so new tickets must snapshot the real plan and location).
-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "acceptDueAt" TIMESTAMP(3),
ADD COLUMN     "acceptTargetMinutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "assignDueAt" TIMESTAMP(3),
ADD COLUMN     "assignTargetMinutes" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "expertId" UUID,
ADD COLUMN     "planTier" TEXT NOT NULL DEFAULT 'unknown',
ADD COLUMN     "requiredSkillLevel" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "resolveDueAt" TIMESTAMP(3),
ADD COLUMN     "resolveTargetMinutes" INTEGER NOT NULL DEFAULT 1440,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "serviceLat" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "serviceLon" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "slaBreached" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Ticket" ALTER COLUMN "acceptTargetMinutes" DROP DEFAULT,
ALTER COLUMN "assignTargetMinutes" DROP DEFAULT,
ALTER COLUMN "planTier" DROP DEFAULT,
ALTER COLUMN "requiredSkillLevel" DROP DEFAULT,
ALTER COLUMN "resolveTargetMinutes" DROP DEFAULT,
ALTER COLUMN "serviceLat" DROP DEFAULT,
ALTER COLUMN "serviceLon" DROP DEFAULT;

-- AlterTable
ALTER TABLE "TicketTransition" ADD COLUMN     "expertId" UUID,
ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "expertId" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'active',
    "distanceKm" DOUBLE PRECISION NOT NULL,
    "cost" DOUBLE PRECISION NOT NULL,
    "arrivalWindowStart" TIMESTAMP(3) NOT NULL,
    "arrivalWindowEnd" TIMESTAMP(3) NOT NULL,
    "explanation" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertProjection" (
    "expertId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "skills" JSONB NOT NULL,
    "homeLat" DOUBLE PRECISION NOT NULL,
    "homeLon" DOUBLE PRECISION NOT NULL,
    "radiusKm" DOUBLE PRECISION NOT NULL,
    "onDuty" BOOLEAN NOT NULL,
    "capacity" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "workingHours" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertProjection_pkey" PRIMARY KEY ("expertId")
);

-- CreateTable
CREATE TABLE "SlaFiring" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "target" "SlaTarget" NOT NULL,
    "kind" "SlaFiringKind" NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlaFiring_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "expertId" UUID,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "rating" INTEGER,
    "comment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "eventId" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "Assignment_ticketId_createdAt_idx" ON "Assignment"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_expertId_status_idx" ON "Assignment"("expertId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SlaFiring_ticketId_target_kind_key" ON "SlaFiring"("ticketId", "target", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_ticketId_key" ON "Survey"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_tokenHash_key" ON "Survey"("tokenHash");

-- CreateIndex
CREATE INDEX "Ticket_expertId_status_idx" ON "Ticket"("expertId", "status");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaFiring" ADD CONSTRAINT "SlaFiring_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
