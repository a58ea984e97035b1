/**
 * Providers deliver one message over one channel. Delivery code knows only this interface; which
 * provider a channel uses is decided once, in `createProviders`.
 */
export type Channel = "email" | "sms";

export interface OutgoingMessage {
  /**
   * The message's id, the same on every try: providers pass it on as an idempotency key (SMS API header,
   * SMTP Message-ID), so a try repeated after a crash between "provider accepted" and "recorded as sent"
   * can be recognised as the same message by the provider.
   */
  id: string;
  recipient: string;
  subject: string | null;
  body: string;
}

export interface Provider {
  /** Stored on each message; delivery rates are counted per provider name. */
  readonly name: string;
  readonly channel: Channel;
  /** Resolves when the provider accepted the message; throws (with a useful message) when it did not. */
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

export type Providers = Record<Channel, Provider>;
