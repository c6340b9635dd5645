import { createTransport } from 'nodemailer';
import type { MailMessage } from './mail-message.js';

/** Sends one rendered mail; rejects when it was not accepted. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** An SMTP failure the server answered with a 5xx code: retrying the same mail will not help. */
export function isPermanentMailError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * A mailer over nodemailer's SMTP transport (`smtp://user:pass@host:port`, `smtps://…`; nodemailer
 * reads TLS and auth options from the URL). Every mail carries List-Unsubscribe with
 * List-Unsubscribe-Post (RFC 8058 one-click) and `Auto-Submitted: auto-generated` (RFC 3834), so
 * auto-responders do not answer it.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: {
          'List-Unsubscribe': `<${m.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      });
    },
    close() {
      transport.close();
    },
  };
}
