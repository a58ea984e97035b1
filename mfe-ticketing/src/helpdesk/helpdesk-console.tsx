import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../trpc.ts";
import { formatFiledAt, normalizeQuery, statusLabel } from "../format.ts";

export function HelpdeskConsole() {
  const trpc = useTRPC();
  const [input, setInput] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const results = useQuery({ ...trpc.tickets.search.queryOptions({ query: query ?? "" }), enabled: query !== null });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(normalizeQuery(input));
  }

  return (
    <section aria-labelledby="find-ticket-title">
      <h2 id="find-ticket-title">Find a ticket</h2>
      <form onSubmit={onSubmit} className="inline-form" role="search">
        <label htmlFor="ticket-query">Customer name or ticket number</label>
        <input id="ticket-query" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {results.isFetching && <p>Searching…</p>}
      {results.isError && <p role="alert">Search failed: {results.error.message}</p>}
      {results.data?.length === 0 && <p>No ticket matches “{query}”.</p>}
      {results.data && results.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Customer</th>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
              <th scope="col">Filed</th>
            </tr>
          </thead>
          <tbody>
            {results.data.map((t) => (
              <tr key={t.id}>
                <td>{t.number}</td>
                <td>{t.customerName}</td>
                <td>{t.productName}</td>
                <td className="status">{statusLabel(t.status)}</td>
                <td>{formatFiledAt(t.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
