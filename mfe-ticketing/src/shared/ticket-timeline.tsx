import { Text, Timeline } from "@sysops/design-system";
import type { TimelineEntryDTO } from "@sysops/bff-ticketing/ticket-dto";
import { formatDateTime } from "./format.ts";
import { actorLabel, timelineTitle } from "./status.ts";

/** The ticket's history, oldest first: every status it went through, when, by whom and why. */
export function TicketTimeline({ entries, title = "Timeline" }: { entries: readonly TimelineEntryDTO[]; title?: string }) {
  return (
    <section aria-label={title}>
      <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2}>
        {entries.map((entry, i) => (
          <Timeline.Item key={`${entry.at}-${i}`} title={timelineTitle(entry.from, entry.to, entry.actorRole)}>
            <Text size="sm" c="dimmed">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · by {actorLabel(entry.actorRole)}
              {entry.channel === "phone" ? " (by phone)" : ""}
            </Text>
            {entry.reason && <Text size="sm">“{entry.reason}”</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
