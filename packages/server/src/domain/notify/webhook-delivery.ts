import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { NotifyStorage, OutboxItem } from '../../storage/notify-storage.js';
import type { Deliverer, Outcome } from './outbox-worker.js';
import type { WebhookPayload } from './webhook-events.js';

/** Addresses a webhook may not reach unless allowed: loopback, private, link-local, CGNAT, multicast, reserved. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6');
}

/** True for an address inside the private and reserved ranges above (IPv4-mapped IPv6 counts as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the `Parley-Signature` header. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const t = Math.floor(timestamp / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export interface WebhookDeliveryOptions {
  /** Lets webhooks reach loopback and private networks (PARLEY_WEBHOOK_ALLOW_PRIVATE); off by default. */
  allowPrivate?: boolean;
  timeoutMs?: number;
  now?: () => number;
}

/**
 * Delivers webhook items: one POST of the stored body, signed at send time, 2xx counting as
 * delivered; every attempt is written to the delivery log. Redirects are not followed, and the
 * address is checked after DNS resolution, inside the connection's own lookup, so a host name that
 * resolves to a private address (or is re-pointed there between check and connect) is refused.
 */
export function webhookDeliverer(notify: NotifyStorage, options: WebhookDeliveryOptions = {}): Deliverer {
  const { allowPrivate = false, timeoutMs = 10_000, now = Date.now } = options;
  return async (item: OutboxItem): Promise<Outcome> => {
    const payload = item.payload as WebhookPayload;
    const hook = await notify.getWebhook(payload.webhookId);
    // A webhook removed or switched off since the event was queued wants nothing more: the
    // item is dropped, not sent (the delivery log and the outbox must not claim a delivery).
    if (!hook) return { ok: false, dropped: true, reason: 'webhook deleted' };
    if (!hook.active) return { ok: false, dropped: true, reason: 'webhook switched off' };
    const started = now();
    const attempt = item.attempts + 1;
    const result = await post(
      hook.url,
      payload,
      signWebhook(hook.secret, started, payload.body),
      item.id,
      allowPrivate,
      timeoutMs,
    );
    await notify.logDelivery({
      webhookId: hook.id,
      outboxId: item.id,
      event: payload.event,
      attempt,
      ok: result.ok,
      httpStatus: result.status,
      error: result.error,
      durationMs: Math.max(0, now() - started),
      at: started,
    });
    return result.ok ? { ok: true } : { ok: false, permanent: false, error: result.error ?? `HTTP ${result.status}` };
  };
}

interface PostResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

function post(
  target: string,
  payload: WebhookPayload,
  signature: string,
  deliveryId: number,
  allowPrivate: boolean,
  timeoutMs: number,
): Promise<PostResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve({ ok: false, status: null, error: 'invalid URL' });
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) {
      return resolve({ ok: false, status: null, error: `address ${host} is private` });
    }
    const guardedLookup = (
      hostname: string,
      opts: object,
      cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
    ) => {
      dnsLookup(hostname, { ...opts, all: true }, (err, addresses) => {
        if (err) return cb(err, []);
        const allowed = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
        if (allowed.length === 0) return cb(new Error(`${hostname} resolves only to private addresses`), []);
        if ((opts as { all?: boolean }).all) return cb(null, allowed);
        const first = allowed[0] as LookupAddress;
        cb(null, first.address, first.family);
      });
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(payload.body);
    const req = send(
      url,
      {
        method: 'POST',
        lookup: guardedLookup as never,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': 'Parley-Webhooks/1',
          'parley-event': payload.event,
          'parley-delivery': String(deliveryId),
          'parley-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status, error: null });
        });
        res.on('error', (e) => resolve({ ok: false, status: res.statusCode ?? null, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, status: null, error: e.message.slice(0, 300) }));
    req.end(body);
  });
}
