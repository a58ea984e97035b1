/**
 * SMS over an HTTP provider API: `POST <SMS_API_URL>` with JSON `{ to, body }` and a bearer token.
 * Any non-2xx answer is a failed attempt (delivery retries it).
 */
import type { OutgoingMessage, Provider } from "./provider.ts";

const TIMEOUT_MS = 5_000;

export function createHttpSmsProvider(apiUrl: string, token: string): Provider {
  return {
    name: "http-sms",
    channel: "sms",
    async send({ recipient, body }: OutgoingMessage) {
      const response = await fetch(apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ to: recipient, body }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) {
        const text = (await response.text().catch(() => "")).slice(0, 200);
        throw new Error(`SMS provider answered ${response.status}${text ? `: ${text}` : ""}`);
      }
    },
  };
}
