/** What the development sinks received, in memory, in arrival order (read by tests and `sinks.list`). */
export interface SinkMessage {
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  body: string;
  receivedAt: string;
}

export class SinkStore {
  readonly #messages: SinkMessage[] = [];

  add(message: Omit<SinkMessage, "receivedAt">): void {
    this.#messages.push({ ...message, receivedAt: new Date().toISOString() });
  }

  list(filter: { channel?: SinkMessage["channel"]; to?: string } = {}): SinkMessage[] {
    return this.#messages.filter((m) => (!filter.channel || m.channel === filter.channel) && (!filter.to || m.to === filter.to));
  }

  clear(): void {
    this.#messages.length = 0;
  }
}
