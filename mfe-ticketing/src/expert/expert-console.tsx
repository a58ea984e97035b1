/** The expert's home: my open assignments, earliest arrival window first, as cards that fit a phone. */
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { Alert, Anchor, Card, Group, QueryState, Stack, Text, Title } from "@sysops/design-system";
import { formatWindow } from "../shared/format.ts";
import { StatusBadge } from "../shared/status-badge.tsx";
import { useTRPC } from "../trpc.ts";

export function ExpertConsole() {
  const trpc = useTRPC();
  const assignments = useQuery(trpc.expert.assignments.queryOptions());
  // What the ticket page reports after a rejection or resolution that took the ticket off this list.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;

  return (
    <Stack component="section" aria-labelledby="my-assignments-title" gap="sm" maw={720}>
      <Title order={2} id="my-assignments-title">
        My assignments
      </Title>
      {notice && (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      )}
      <QueryState
        query={assignments}
        loadingLabel="Loading your assignments"
        errorPrefix="Could not load your assignments"
        empty="Nothing assigned to you right now. New assignments appear here by themselves."
      >
        {(mine) => (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label="Assignments, earliest arrival first">
            {mine.map((t) => (
              <Card component="li" key={t.id} withBorder padding="sm" data-ticket={t.number}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={`/${t.number}`} fw={700}>
                    Ticket {t.number}
                  </Anchor>
                  <StatusBadge status={t.status} />
                </Group>
                <Text>
                  {t.productName} <Text span c="dimmed">({t.productCategory})</Text>
                </Text>
                <Text size="sm">Arrive: {formatWindow(t.arrivalWindowStart, t.arrivalWindowEnd) ?? "no window yet"}</Text>
                <Text size="sm">{t.serviceAddress}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
