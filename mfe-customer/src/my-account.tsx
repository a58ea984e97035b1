import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.ts";
import { planLabel } from "./account.ts";

export function MyAccount() {
  const trpc = useTRPC();
  const account = useQuery(trpc.account.mine.queryOptions());
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">My account</h2>
      {account.isPending && <p>Loading…</p>}
      {account.isError && <p role="alert">Could not load your account: {account.error.message}</p>}
      {account.data && (
        <>
          <dl className="details">
            <dt>Name</dt>
            <dd>{account.data.name}</dd>
            <dt>Email</dt>
            <dd>{account.data.email}</dd>
            <dt>Phone</dt>
            <dd>{account.data.phone || "—"}</dd>
            <dt>Service address</dt>
            <dd>{account.data.defaultAddress || "—"}</dd>
            <dt>Support plan</dt>
            <dd>{planLabel(account.data.plan)}</dd>
          </dl>
          <h3>My products</h3>
          {account.data.products.length === 0 ? (
            <p>No registered products yet.</p>
          ) : (
            <ul>
              {account.data.products.map((p) => (
                <li key={p.id}>
                  {p.name} <span className="muted">({p.category})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
