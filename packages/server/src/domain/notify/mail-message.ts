import { randomBytes } from 'node:crypto';

/** A mail as the outbox stores it and the mailer sends it: already rendered, headers already safe. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable across retries, so a receiving server (or reader) can recognise a repeat. */
  messageId: string;
  /** The signed one-click unsubscribe URL (RFC 8058), sent as List-Unsubscribe. */
  unsubscribeUrl: string;
}

/**
 * Text for a header: every line break and control character (CR, LF, NEL, U+2028/9, C0/C1) becomes
 * a space, so a name or title can never end the header and start another; trimmed to `max`.
 */
export function headerText(value: string, max = 200): string {
  const flat = value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...flat].slice(0, max).join('');
}

/** Escapes text for HTML element content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A new Message-ID under the sender's domain. */
export function newMessageId(from: string): string {
  // The part after the last '@', up to a closing '>' or space. Sliced rather than matched: an
  // unanchored pattern here is quadratic on a sender with many '@' (caught by redos.test.ts).
  const at = from.lastIndexOf('@');
  const domain = (at < 0 ? '' : from.slice(at + 1).split(/[>\s]/, 1)[0]) || 'parley.invalid';
  return `<${randomBytes(12).toString('hex')}@${domain}>`;
}
