/**
 * Each role's screens load on demand (React.lazy → a chunk of their own): a customer's browser never fetches the
 * helpdesk or expert console, and the app's initial JS holds only the router and the shell glue.
 */
import { lazy, type ComponentType } from "react";

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
