import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link may do; a token made for one purpose is refused for every other. */
export type LinkPurpose = 'confirm' | 'unsub' | 'forget' | 'approve' | 'reject' | 'mute';

/**
 * Signed, optionally expiring tokens for links in e-mails: `base64url(JSON [purpose, data, expiry])`
 * `.` `base64url(HMAC-SHA256)`. They need no table, no account and no cookie; the key is derived
 * from the server secret that every instance shares. Data are ids, never an e-mail address.
 */
export class LinkSigner {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('parley-mail-links-v1').digest();
  }

  sign(purpose: LinkPurpose, data: string, expiresAt?: number): string {
    const body = Buffer.from(JSON.stringify([purpose, data, expiresAt ?? 0])).toString('base64url');
    return `${body}.${this.#mac(body)}`;
  }

  /** The data of a valid, unexpired token of `purpose`; undefined for anything else. */
  verify(purpose: LinkPurpose, token: string, now: number): string | undefined {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || token.length > 2000) return undefined;
    const expected = Buffer.from(this.#mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      if (!Array.isArray(value) || value.length !== 3) return undefined;
      const [p, data, expiry] = value as unknown[];
      if (p !== purpose || typeof data !== 'string' || typeof expiry !== 'number') return undefined;
      if (expiry !== 0 && now > expiry) return undefined;
      return data;
    } catch {
      return undefined;
    }
  }

  #mac(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }
}
