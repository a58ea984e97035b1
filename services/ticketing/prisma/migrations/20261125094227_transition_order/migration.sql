-- AlterTable
ALTER TABLE "TicketTransition" ADD COLUMN     "seq" SERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "TicketTransition_ticketId_seq_idx" ON "TicketTransition"("ticketId", "seq");
