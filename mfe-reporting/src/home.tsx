import { useQuery } from "@tanstack/react-query";
import type { SessionUser } from "@sysops/mf-config/contract";
import { useTRPC } from "./trpc.ts";
import { sortStatusCounts, statusLabel, totalCount } from "./status-counts.ts";

export function Home(_props: { user: SessionUser }) {
  const trpc = useTRPC();
  const counts = useQuery(trpc.tickets.statusCounts.queryOptions());
  return (
    <section aria-labelledby="reporting-title">
      <h2 id="reporting-title">Tickets by status</h2>
      {counts.isPending && <p>Loading…</p>}
      {counts.isError && <p role="alert">Could not load the report: {counts.error.message}</p>}
      {counts.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Tickets</th>
            </tr>
          </thead>
          <tbody>
            {sortStatusCounts(counts.data).map((row) => (
              <tr key={row.status}>
                <td>{statusLabel(row.status)}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{totalCount(counts.data)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
