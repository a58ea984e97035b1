/**
 * Email over real SMTP (nodemailer). The URL names host, port and credentials: `smtp://user:pass@host:587`.
 * Pooled: messages reuse open connections (up to 5, 100 messages each) instead of connecting, greeting
 * (EHLO) and quitting per message.
 * @see https://nodemailer.com/smtp/
 * @see https://nodemailer.com/smtp/pooled/
 */
import nodemailer from "nodemailer";
import type { OutgoingMessage, Provider } from "./provider.ts";

export function createSmtpEmailProvider(smtpUrl: string, from: string): Provider {
  // A try must end within the claim lease (send-try.ts), after which the message may be tried again:
  // nodemailer's connection (2 min) and greeting (30 s) timeouts stay, socket silence is cut from 10 min to 2.
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, socketTimeout: 2 * 60_000 });
  return {
    name: "smtp",
    channel: "email",
    async send({ id, recipient, subject, body }: OutgoingMessage) {
      // A stable Message-ID: a repeated try of one message is the same mail to servers and clients that dedupe.
      await transport.sendMail({ messageId: `<${id}@notification.sysops>`, from, to: recipient, subject: subject ?? "", text: body });
    },
    close: () => Promise.resolve(transport.close()),
  };
}
