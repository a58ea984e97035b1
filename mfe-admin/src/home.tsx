import { useQuery } from "@tanstack/react-query";
import { QueryState, Stack, Table, Title } from "@sysops/design-system";
import type { SessionUser } from "@sysops/mf-config/contract";
import { useTRPC } from "./trpc.ts";
import { sortUsers } from "./users.ts";

export function Home(_props: { user: SessionUser }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  return (
    <Stack component="section" aria-labelledby="admin-users-title">
      <Title order={2} id="admin-users-title">Users</Title>
      <QueryState query={users} loadingLabel="Loading users" errorPrefix="Could not load users">
        {(list) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortUsers(list).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{u.role}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
