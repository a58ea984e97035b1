import { useQuery } from "@tanstack/react-query";
import type { SessionUser } from "@sysops/mf-config/contract";
import { useTRPC } from "./trpc.ts";

export function Home({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.queryOptions());
  return (
    <section aria-labelledby="kb-title">
      <h2 id="kb-title">Knowledge base</h2>
      <p>
        Articles and fixes for common problems{user.role === "expert" ? ", written by experts like you" : ""}.
        Search and articles arrive in a later release.
      </p>
      {me.isError ? (
        <p role="alert">Could not reach the knowledge base: {me.error.message}</p>
      ) : (
        <p>{me.data ? `Signed in as ${me.data.name} (${me.data.role}).` : "Loading…"}</p>
      )}
    </section>
  );
}
