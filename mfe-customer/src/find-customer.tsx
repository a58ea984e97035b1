import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Group, QueryState, Stack, Table, TextInput, Title } from "@sysops/design-system";
import { useTRPC } from "./trpc.ts";
import { normalizeQuery } from "./account.ts";

export function FindCustomer() {
  const trpc = useTRPC();
  const [input, setInput] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const results = useQuery({ ...trpc.customers.search.queryOptions({ query: query ?? "" }), enabled: query !== null });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = normalizeQuery(input);
    setHint(q ? null : "Type at least 2 characters.");
    setQuery(q);
  }

  return (
    <Stack component="section" aria-labelledby="find-customer-title">
      <Title order={2} id="find-customer-title">Find a customer</Title>
      <form onSubmit={onSubmit} role="search">
        <Group align="flex-end">
          <TextInput label="Name or email" value={input} onChange={(e) => setInput(e.currentTarget.value)} error={hint} />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      <QueryState query={results} loadingWhen="fetching" loadingLabel="Searching" errorPrefix="Search failed" empty={<>No customer matches “{query}”.</>}>
        {(customers) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Phone</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.email}</Table.Td>
                  <Table.Td>{c.phone || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
