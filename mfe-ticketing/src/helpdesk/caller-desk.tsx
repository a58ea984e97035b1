/**
 * "Who is calling?": look the caller up by name, email, phone or a ticket number they read out, pick them,
 * see their products and tickets, and file what they report (recorded as a phone ticket).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { Anchor, Button, Card, Group, List, Paper, QueryState, SimpleGrid, Stack, Text, TextInput, Title } from "@sysops/design-system";
import { findCallerInput } from "@sysops/bff-ticketing/inputs/helpdesk";
import { StatusBadge } from "../shared/status-badge.tsx";
import { formatDateTime } from "../shared/format.ts";
import { useTRPC } from "../trpc.ts";
import { FileForCaller } from "./file-for-caller.tsx";

export function CallerDesk() {
  const trpc = useTRPC();
  const [query, setQuery] = useState<string | null>(null);
  const [callerId, setCallerId] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(findCallerInput), defaultValues: { query: "" } });
  const found = useQuery({ ...trpc.helpdesk.findCaller.queryOptions({ query: query ?? "" }), enabled: query !== null });

  return (
    <Paper component="section" aria-labelledby="caller-title" withBorder p="md">
      <Stack gap="md">
        <Title order={2} id="caller-title">
          Who is calling?
        </Title>
        <form
          role="search"
          aria-label="Find a caller"
          noValidate
          onSubmit={(e) =>
            void form.handleSubmit((values) => {
              setCallerId(null);
              setQuery(values.query);
            })(e)
          }
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Find a caller"
              description="Name, email, phone or a ticket number"
              style={{ flex: 1, minWidth: 240 }}
              error={form.formState.errors.query?.message}
              {...form.register("query")}
            />
            <Button type="submit">Find caller</Button>
          </Group>
        </form>
        <QueryState query={found} live loadingWhen="fetching" loadingLabel="Looking up callers" errorPrefix="Lookup failed" empty={<>No caller matches “{query}”.</>}>
          {(callers) =>
            !callerId && (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-label="Callers found" component="ul" style={{ listStyle: "none", padding: 0 }}>
                {callers.map((c) => (
                  <Card component="li" key={c.id} withBorder padding="sm">
                    <Text fw={700}>{c.name}</Text>
                    <Text size="sm">{c.email}</Text>
                    <Text size="sm">{c.phone}</Text>
                    {c.viaTicket && <Text size="sm">Ticket {c.viaTicket} is theirs</Text>}
                    <Button mt="xs" size="xs" variant="light" onClick={() => setCallerId(c.id)} aria-label={`Select ${c.name}`}>
                      Select
                    </Button>
                  </Card>
                ))}
              </SimpleGrid>
            )
          }
        </QueryState>
        {callerId && <CallerPanel customerId={callerId} onClose={() => setCallerId(null)} />}
      </Stack>
    </Paper>
  );
}

function CallerPanel({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const caller = useQuery(trpc.helpdesk.caller.queryOptions({ customerId }));
  return (
    <QueryState query={caller} live loadingLabel="Loading the caller" errorPrefix="Could not load the caller">
      {(c) => (
        <Stack gap="md" aria-label={`Caller ${c.name}`} component="section">
          <Group justify="space-between">
            <Title order={3}>{c.name}</Title>
            <Button variant="default" size="xs" onClick={onClose}>
              Another caller
            </Button>
          </Group>
          <Text size="sm">
            {c.email} · {c.phone} · {c.plan} plan · {c.defaultAddress}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <FileForCaller caller={c} />
            <Stack gap="xs">
              <Title order={4}>Their tickets</Title>
              {c.tickets.length === 0 ? (
                <Text size="sm">No tickets yet.</Text>
              ) : (
                <List spacing={4} listStyleType="none" aria-label="Their tickets">
                  {c.tickets.map((t) => (
                    <List.Item key={t.id}>
                      <Group gap="xs">
                        <Anchor component={Link} to={`/${t.number}`}>
                          {t.number}
                        </Anchor>
                        <StatusBadge status={t.status} />
                        <Text size="sm">
                          {t.productName} · {formatDateTime(t.createdAt)} · {t.channel === "phone" ? "by phone" : "on the web"}
                        </Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </QueryState>
  );
}
