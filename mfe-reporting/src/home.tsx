import { useQuery } from "@tanstack/react-query";
import { Alert, Loader, Stack, Table, Title } from "@sysops/design-system";
import type { SessionUser } from "@sysops/mf-config/contract";
import { useTRPC } from "./trpc.ts";
import { sortStatusCounts, statusLabel, totalCount } from "./status-counts.ts";

export function Home(_props: { user: SessionUser }) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.tickets.statusCounts.queryOptions());
  return (
    <Stack component="section" aria-labelledby="reporting-title">
      <Title order={2} id="reporting-title">Tickets by status</Title>
      {counts.isPending && <Loader size="sm" aria-label="Loading the report" />}
      {counts.isError && <Alert color="red" role="alert">Could not load the report: {counts.error.message}</Alert>}
      {counts.data && (
        <Table withTableBorder maw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Tickets</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortStatusCounts(counts.data).map((row) => (
              <Table.Tr key={row.status}>
                <Table.Td>{statusLabel(row.status)}</Table.Td>
                <Table.Td>{row.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Table.Td>{totalCount(counts.data)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
}
