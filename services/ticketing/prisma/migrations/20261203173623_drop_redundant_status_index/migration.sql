-- DropIndex
DROP INDEX "Ticket_status_idx";
