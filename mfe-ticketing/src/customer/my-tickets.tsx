/** "My tickets": every ticket of the customer, newest first, with status and who is coming when. */
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Anchor, QueryState, Stack, Table, Title } from "@sysops/design-system";
import { formatDateTime, formatWindow } from "../shared/format.ts";
import { StatusBadge } from "../shared/status-badge.tsx";
import { useTRPC } from "../trpc.ts";

export function MyTickets() {
  const trpc = useTRPC();
  const tickets = useQuery(trpc.customer.myTickets.queryOptions());
  return (
    <Stack component="section" aria-labelledby="my-tickets-title" gap="sm">
      <Title order={2} id="my-tickets-title">My tickets</Title>
      <QueryState query={tickets} loadingLabel="Loading your tickets" errorPrefix="Could not load your tickets" empty="You have not filed any tickets yet.">
        {(mine) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Number</Table.Th>
                  <Table.Th scope="col">Product</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Expert</Table.Th>
                  <Table.Th scope="col">Filed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mine.map((t) => {
                  const arrival = formatWindow(t.arrivalWindowStart, t.arrivalWindowEnd);
                  return (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/${t.number}`}>{t.number}</Anchor>
                      </Table.Td>
                      <Table.Td>{t.productName}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={t.status} />
                      </Table.Td>
                      <Table.Td>{t.expertFirstName ? `${t.expertFirstName}${arrival ? `, ${arrival}` : ""}` : "—"}</Table.Td>
                      <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
