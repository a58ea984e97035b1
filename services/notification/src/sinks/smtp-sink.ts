/**
 * A local SMTP server that accepts every message and records it (development and tests): real SMTP on the
 * wire, so the email provider is exercised exactly as in production. No TLS, no auth.
 * @see https://nodemailer.com/extras/smtp-server/
 */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { SinkStore } from "./sink-store.ts";

export interface RunningSink {
  port: number;
  close(): Promise<void>;
}

export async function startSmtpSink(store: SinkStore, port: number, host = "127.0.0.1"): Promise<RunningSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      // Only subject, recipients and the plain text are kept: no HTML made from the text (with link detection)
      // or text from HTML, which were most of the parse's cost per mail.
      simpleParser(stream, { skipTextToHtml: true, skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true })
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
          for (const address of to) store.add({ channel: "email", to: address.address ?? "", subject: mail.subject ?? null, body: (mail.text ?? "").trim() });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
