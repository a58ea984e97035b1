const ROLE_ORDER = ["admin", "manager", "expert", "agent", "customer"];

export interface UserRow {
  id: string;
  name: string;
  role: string;
}

/** Staff first (admin → agent), then customers; by name within a role. */
export function sortUsers<T extends UserRow>(users: readonly T[]): T[] {
  const rank = (role: string) => {
    const i = ROLE_ORDER.indexOf(role);
    return i === -1 ? ROLE_ORDER.length : i;
  };
  return [...users].sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name));
}
