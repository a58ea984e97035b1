import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
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
    <section aria-labelledby="find-customer-title">
      <h2 id="find-customer-title">Find a customer</h2>
      <form onSubmit={onSubmit} className="inline-form" role="search">
        <label htmlFor="customer-query">Name or email</label>
        <input id="customer-query" value={input} onChange={(e) => setInput(e.target.value)} aria-describedby="customer-query-hint" />
        <button type="submit">Search</button>
        {hint && <p id="customer-query-hint" className="field-error">{hint}</p>}
      </form>
      {results.isFetching && <p>Searching…</p>}
      {results.isError && <p role="alert">Search failed: {results.error.message}</p>}
      {results.data && results.data.length === 0 && <p>No customer matches “{query}”.</p>}
      {results.data && results.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Phone</th>
            </tr>
          </thead>
          <tbody>
            {results.data.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.email}</td>
                <td>{c.phone || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
