import { useQuery } from "@tanstack/react-query";
import { Card, List, QueryState, SimpleGrid, Stack, Text, Title } from "@sysops/design-system";
import { useTRPC } from "./trpc.ts";
import { planLabel } from "./account.ts";

export function MyAccount() {
  const trpc = useTRPC();
  const account = useQuery(trpc.account.mine.queryOptions());
  return (
    <Stack component="section" aria-labelledby="account-title">
      <Title order={2} id="account-title">My account</Title>
      <QueryState query={account} loadingLabel="Loading your account" errorPrefix="Could not load your account">
        {(a) => (
          <>
            <Card withBorder>
              <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" m={0}>
                {(
                  [
                    ["Name", a.name],
                    ["Email", a.email],
                    ["Phone", a.phone || "—"],
                    ["Service address", a.defaultAddress || "—"],
                    ["Support plan", planLabel(a.plan)],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label}>
                    <Text component="dt" fw={600}>{label}</Text>
                    <Text component="dd" m={0}>{value}</Text>
                  </div>
                ))}
              </SimpleGrid>
            </Card>
            <Title order={3}>My products</Title>
            {a.products.length === 0 ? (
              <Text>No registered products yet.</Text>
            ) : (
              <List>
                {a.products.map((p) => (
                  <List.Item key={p.id}>
                    {p.name} <Text span c="dimmed">({p.category})</Text>
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
