import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request in progress: its id (for every log line and outgoing call) and the caller token it came with
 * (forwarded to the services it calls, so they know the acting user).
 */
export interface RequestContext {
  requestId: string;
  callerToken?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

export const REQUEST_ID_HEADER = "x-request-id";
