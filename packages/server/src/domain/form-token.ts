import { createHmac, timingSafeEqual } from 'node:crypto';
import { Problem } from './problem.js';

/** A post sooner than this after its listing was served is a script, not a person typing. */
export const FORM_TOKEN_MIN_AGE_MS = 2_000;
/** A token stays good this long, so a tab left open over lunch can still post. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Issue times are rounded up to a multiple of this, so one token serves every listing of a step. */
export const FORM_TOKEN_STEP_MS = 100;

/** Why a token was refused; `ok` when it was not. */
export type FormTokenCheck = 'ok' | 'missing' | 'malformed' | 'forged' | 'young' | 'expired';

function mac(secret: string, site: string, issued: string): string {
  return createHmac('sha256', secret).update(`form:${site}:${issued}`).digest('base64url').slice(0, 27);
}

/**
 * A form token: `<issue time, ms, base 36>.<HMAC-SHA256 of site and time, 160 bits>`. It names no
 * visitor (every reader of a page gets an equivalent one, so listings stay cacheable) and the
 * site is bound by the MAC rather than written in it. The issue time is rounded *up* to the next
 * {@link FORM_TOKEN_STEP_MS}: every listing served within one step carries the same token (so the
 * server builds the listing-plus-token bytes ten times a second, not once a request), and
 * rounding up can only make a token look younger than it is, never let a post through sooner than
 * 2 s. The widget waits 2.1 s after the listing arrived, which covers the step.
 */
export function issueFormToken(secret: string, site: string, now: number): string {
  const issued = (Math.ceil(now / FORM_TOKEN_STEP_MS) * FORM_TOKEN_STEP_MS).toString(36);
  return `${issued}.${mac(secret, site, issued)}`;
}

/** Checks a token presented with a post to `site` at `now`. */
export function checkFormToken(secret: string, site: string, token: string | undefined, now: number): FormTokenCheck {
  if (!token) return 'missing';
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{27})$/.exec(token);
  if (!m?.[1] || !m[2]) return 'malformed';
  const expected = Buffer.from(mac(secret, site, m[1]));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const age = now - Number.parseInt(m[1], 36);
  if (age < FORM_TOKEN_MIN_AGE_MS) return 'young';
  if (age > FORM_TOKEN_MAX_AGE_MS) return 'expired';
  return 'ok';
}

/**
 * Refuses a post that a person using the widget would not send: a filled honeypot (a field the
 * widget hides from people and assistive technology, so only form-filling scripts type in it) or
 * a missing, forged, too young or expired form token. One neutral answer for every case, so a
 * script learns nothing about which check it failed.
 */
export function assertHuman(
  secret: string,
  site: string,
  post: { formToken?: string | undefined; homepage?: string | undefined },
  now: number,
): void {
  const filled = (post.homepage ?? '').trim() !== '';
  if (filled || checkFormToken(secret, site, post.formToken, now) !== 'ok') {
    throw new Problem(422, 'spam-suspected', 'This comment looks automated and was not accepted; reload the page and try again');
  }
}
