/**
 * Every ticket, newest first, filtered by status, product category, SLA state, creation days and a ticket
 * number or customer name. Pages are keyset pages: "Next" sends the last page's cursor, "Previous" goes back
 * through the cursors already seen (no OFFSET anywhere, so page 400 is as fast as page 1).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { Anchor, Badge, Button, Group, NativeSelect, QueryState, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@sysops/design-system";
import { PRODUCT_CATEGORIES, SLA_STATES, TICKET_STATUSES, ticketSearchForm, type TicketSearchForm } from "@sysops/bff-ticketing/inputs/helpdesk";
import type { SlaState } from "@sysops/bff-ticketing/helpdesk-dto";
import { StatusBadge } from "../shared/status-badge.tsx";
import { STATUS_LABEL } from "../shared/status.ts";
import { formatDateTime } from "../shared/format.ts";
import { useTRPC } from "../trpc.ts";
import { SLA_COLOR, SLA_STATE_LABEL as SLA_LABEL } from "./sla-format.ts";


const any = (label: string) => [{ value: "", label }];
const EMPTY: TicketSearchForm = { status: "", productCategory: "", sla: "", createdFrom: "", createdTo: "", text: "" };

export function SlaBadge({ state }: { state: SlaState }) {
  return (
    <Badge color={SLA_COLOR[state]} variant="filled" data-sla={state}>
      {SLA_LABEL[state]}
    </Badge>
  );
}

export function TicketSearch() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<TicketSearchForm>({});
  /** Cursors of the pages before the current one (the first page has none). */
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const form = useForm({ resolver: zodResolver(ticketSearchForm), defaultValues: EMPTY });
  const results = useQuery({
    ...trpc.helpdesk.searchTickets.queryOptions({ filters, cursor, timezoneOffsetMinutes: new Date().getTimezoneOffset() }),
    placeholderData: keepPreviousData,
  });
  const errors = form.formState.errors;
  const register = (name: keyof TicketSearchForm) => form.register(name);

  return (
    <Paper component="section" aria-labelledby="search-title" withBorder p="md">
      <Stack gap="md">
        <Title order={2} id="search-title">
          All tickets
        </Title>
        <form
          role="search"
          aria-label="Search tickets"
          noValidate
          onSubmit={(e) =>
            void form.handleSubmit(() => {
              setFilters(form.getValues());
              setCursors([]);
            })(e)
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
            <TextInput label="Ticket number or customer" error={errors.text?.message} {...register("text")} />
            <NativeSelect label="Status" data={[...any("Any status"), ...TICKET_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]} {...register("status")} />
            <NativeSelect label="Product category" data={[...any("Any category"), ...PRODUCT_CATEGORIES.map((c) => ({ value: c, label: c }))]} {...register("productCategory")} />
            <NativeSelect label="SLA" data={[...any("Any SLA state"), ...SLA_STATES.map((s) => ({ value: s, label: SLA_LABEL[s] }))]} {...register("sla")} />
            <TextInput type="date" label="Filed from" error={errors.createdFrom?.message} {...register("createdFrom")} />
            <TextInput type="date" label="Filed until" error={errors.createdTo?.message} {...register("createdTo")} />
          </SimpleGrid>
          <Group mt="sm" gap="sm">
            <Button type="submit">Search</Button>
            <Button
              type="button"
              variant="default"
              onClick={() => {
                form.reset(EMPTY);
                setFilters({});
                setCursors([]);
              }}
            >
              Clear filters
            </Button>
          </Group>
        </form>
        <QueryState
          query={results}
          live
          loadingLabel="Searching"
          errorPrefix="Search failed"
          empty="No ticket matches these filters."
          isEmpty={(page) => page.items.length === 0}
        >
          {(page) => (
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label="Tickets" aria-busy={results.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Number</Table.Th>
                    <Table.Th scope="col">Customer</Table.Th>
                    <Table.Th scope="col">Product</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">SLA</Table.Th>
                    <Table.Th scope="col">Filed</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/${t.number}`}>
                          {t.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t.customerName}</Table.Td>
                      <Table.Td>
                        {t.productName} ({t.productCategory})
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={t.status} />
                      </Table.Td>
                      <Table.Td>
                        <SlaBadge state={t.slaState} />
                      </Table.Td>
                      <Table.Td>
                        {formatDateTime(t.createdAt)} {t.channel === "phone" && "· by phone"}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        <Group gap="sm" aria-label="Pages">
          <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </Button>
          <Text size="sm">Page {cursors.length + 1}</Text>
          <Button
            variant="default"
            disabled={!results.data?.nextCursor || results.isPlaceholderData}
            onClick={() => results.data?.nextCursor && setCursors((c) => [...c, results.data.nextCursor!])}
          >
            Next page
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
