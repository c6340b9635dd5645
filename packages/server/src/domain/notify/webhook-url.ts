import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Problem } from '../problem.js';
import { isPrivateAddress } from './webhook-delivery.js';

/** Longest webhook URL accepted; longer ones are almost certainly a mistake (or an attack). */
export const WEBHOOK_URL_MAX = 2048;

/** Resolves a host name to its addresses (injectable so tests need no DNS). */
export type HostLookup = (host: string) => Promise<string[]>;

const systemLookup: HostLookup = async (host) => (await dnsLookup(host, { all: true })).map((a) => a.address);

function refused(detail: string): Problem {
  return new Problem(422, 'webhook-url-refused', detail, { errors: [{ path: 'url', message: detail }] });
}

/**
 * Checks a webhook URL when it is saved: `http:` or `https:`, a host, no fragment, and, unless
 * `allowPrivate` (PARLEY_WEBHOOK_ALLOW_PRIVATE), not a loopback, private or reserved address, with
 * the same ranges the delivery code refuses (`isPrivateAddress`). A host name is resolved now and
 * refused if every address it has is private; this is only early feedback for the administrator:
 * the delivery code checks the address again on every connection, since DNS can change.
 * Returns the URL in normal form. Throws `422 webhook-url-refused`.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, lookup: HostLookup = systemLookup): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refused('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused('must start with http:// or https://');
  if (!url.hostname) throw refused('has no host');
  url.hash = '';
  const out = url.toString();
  if (out.length > WEBHOOK_URL_MAX) throw refused(`is longer than ${WEBHOOK_URL_MAX} characters`);
  if (allowPrivate) return out;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    if (isPrivateAddress(host)) throw refused(`points at a private or loopback address (${host})`);
    return out;
  }
  // RFC 6761: every *.localhost name is loopback, whatever a resolver says.
  if (host === 'localhost' || host.endsWith('.localhost')) throw refused('points at a loopback host');
  let addresses: string[];
  try {
    addresses = await lookup(host);
  } catch {
    throw refused(`host ${host} cannot be resolved`);
  }
  if (addresses.length === 0 || addresses.every(isPrivateAddress)) {
    throw refused(`host ${host} resolves only to private or loopback addresses`);
  }
  return out;
}
