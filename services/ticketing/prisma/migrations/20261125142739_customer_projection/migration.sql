-- CreateTable
CREATE TABLE "CustomerProjection" (
    "customerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "addressLat" DOUBLE PRECISION NOT NULL,
    "addressLon" DOUBLE PRECISION NOT NULL,
    "planName" TEXT NOT NULL,
    "planTier" INTEGER NOT NULL,
    "requiredSkillLevel" INTEGER NOT NULL,
    "assignTargetMinutes" INTEGER NOT NULL,
    "acceptTargetMinutes" INTEGER NOT NULL,
    "resolveTargetMinutes" INTEGER NOT NULL,
    "products" JSONB NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerProjection_pkey" PRIMARY KEY ("customerId")
);
