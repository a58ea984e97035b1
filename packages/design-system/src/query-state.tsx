import { Alert, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The part of a TanStack Query result that `QueryState` reads (a `useQuery` result fits; the design system
 * does not depend on TanStack Query).
 */
export interface QueryStateQuery<T> {
  data: T | undefined;
  error: { message: string } | null;
  isPending: boolean;
  isFetching: boolean;
}

export interface QueryStateProps<T> {
  query: QueryStateQuery<T>;
  /** The loader's accessible name, e.g. "Loading your tickets". */
  loadingLabel: string;
  /** Put before the error's message in the alert: "Could not load users" → "Could not load users: <message>". */
  errorPrefix: string;
  /** Said instead of `children` when the data is empty (see `isEmpty`); without it, empty data goes to `children` too. */
  empty?: ReactNode;
  /** Whether the data counts as empty; by default, an empty array. */
  isEmpty?: (data: T) => boolean;
  /**
   * When the loader shows: "pending" (until the first data, the default) or "fetching" (during every request:
   * for a search whose query stays disabled until the first submit, so it is pending without fetching).
   */
  loadingWhen?: "pending" | "fetching";
  /** The loader and the empty message are live regions (`role="status"`), so screen readers announce them. */
  live?: boolean;
  /** The content, given the data once there is some (and it is not empty, when `empty` is given). */
  children: (data: T) => ReactNode;
}

const emptyArray = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * A query's state in one place: a small loader while it loads, a red alert (`role="alert"`) when it failed,
 * the `empty` message when there is nothing, else `children(data)`. A failed refetch keeps showing the data
 * it had under the alert.
 */
export function QueryState<T>({ query, loadingLabel, errorPrefix, empty, isEmpty = emptyArray, loadingWhen = "pending", live = false, children }: QueryStateProps<T>) {
  const loading = loadingWhen === "fetching" ? query.isFetching : query.isPending;
  const role = live ? "status" : undefined;
  const { data } = query;
  return (
    <>
      {loading && <Loader size="sm" role={role} aria-label={loadingLabel} />}
      {query.error && (
        <Alert color="red" role="alert">
          {errorPrefix}: {query.error.message}
        </Alert>
      )}
      {data !== undefined && (empty !== undefined && isEmpty(data) ? <Text role={role}>{empty}</Text> : children(data))}
    </>
  );
}
