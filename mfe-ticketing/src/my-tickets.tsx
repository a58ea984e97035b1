import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.ts";
import { formatFiledAt, statusLabel } from "./format.ts";

export function MyTickets() {
  const trpc = useTRPC();
  const tickets = useQuery(trpc.tickets.mine.queryOptions());
  return (
    <section aria-labelledby="my-tickets-title">
      <h2 id="my-tickets-title">My tickets</h2>
      {tickets.isPending && <p>Loading…</p>}
      {tickets.isError && <p role="alert">Could not load your tickets: {tickets.error.message}</p>}
      {tickets.data?.length === 0 && <p>You have not filed any tickets yet.</p>}
      {tickets.data && tickets.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
              <th scope="col">Filed at</th>
            </tr>
          </thead>
          <tbody>
            {tickets.data.map((t) => (
              <tr key={t.id}>
                <td>{t.number}</td>
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
