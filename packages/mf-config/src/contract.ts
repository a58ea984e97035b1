/**
 * The contract between the shell and every micro-frontend: what the shell passes to a remote's single-spa
 * lifecycles as custom props. Types only, so host and remotes agree without sharing runtime code.
 */
export const USER_ROLES = ["customer", "agent", "expert", "manager", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The signed-in user, as `GET /auth/session` returns it. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  customerId: string | null;
}

/** Custom props of every micro-frontend; `domElement` is the remote's own slot inside `<main>`. */
export interface MfeProps {
  user: SessionUser;
  domElement: HTMLElement;
}
