-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "idempotencyKey" UUID,
ADD COLUMN     "preferredWindowEnd" TIMESTAMP(3),
ADD COLUMN     "preferredWindowStart" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_customerId_idempotencyKey_key" ON "Ticket"("customerId", "idempotencyKey");
