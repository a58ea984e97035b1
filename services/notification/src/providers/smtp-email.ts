/**
 * Email over real SMTP (nodemailer). The URL names host, port and credentials: `smtp://user:pass@host:587`.
 * @see https://nodemailer.com/smtp/
 */
import nodemailer from "nodemailer";
import type { OutgoingMessage, Provider } from "./provider.ts";

export function createSmtpEmailProvider(smtpUrl: string, from: string): Provider {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: "smtp",
    channel: "email",
    async send({ recipient, subject, body }: OutgoingMessage) {
      await transport.sendMail({ from, to: recipient, subject: subject ?? "", text: body });
    },
    close: () => Promise.resolve(transport.close()),
  };
}
