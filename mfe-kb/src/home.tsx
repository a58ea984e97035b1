import { useQuery } from "@tanstack/react-query";
import { Alert, Stack, Text, Title } from "@sysops/design-system";
import type { SessionUser } from "@sysops/mf-config/contract";
import { useTRPC } from "./trpc.ts";

export function Home({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.queryOptions());
  return (
    <Stack component="section" aria-labelledby="kb-title">
      <Title order={2} id="kb-title">Knowledge base</Title>
      <Text>
        Articles and fixes for common problems{user.role === "expert" ? ", written by experts like you" : ""}.
        Search and articles arrive in a later release.
      </Text>
      {me.isError ? (
        <Alert color="red" role="alert">Could not reach the knowledge base: {me.error.message}</Alert>
      ) : (
        <Text c="dimmed">{me.data ? `Signed in as ${me.data.name} (${me.data.role}).` : "Loading…"}</Text>
      )}
    </Stack>
  );
}
