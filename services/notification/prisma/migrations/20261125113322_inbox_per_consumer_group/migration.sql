-- The inbox is keyed by (event id, consumer group), so several consumer groups can share this schema.
-- Hand-edited from the generated diff (which dropped and re-added the column): existing rows keep their data
-- and get the only group that ever wrote them, "notification" (CONSUMER_GROUP in the service's consumer).
ALTER TABLE "ProcessedEvent" DROP CONSTRAINT "ProcessedEvent_pkey";
ALTER TABLE "ProcessedEvent" RENAME COLUMN "consumer" TO "consumerGroup";
UPDATE "ProcessedEvent" SET "consumerGroup" = 'notification';
ALTER TABLE "ProcessedEvent" ADD CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("eventId", "consumerGroup");
