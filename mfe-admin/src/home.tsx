import { useQuery } from "@tanstack/react-query";
import type { SessionUser } from "@sysops/mf-config/contract";
import { useTRPC } from "./trpc.ts";
import { sortUsers } from "./users.ts";

export function Home(_props: { user: SessionUser }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  return (
    <section aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">Users</h2>
      {users.isPending && <p>Loading…</p>}
      {users.isError && <p role="alert">Could not load users: {users.error.message}</p>}
      {users.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {sortUsers(users.data).map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
