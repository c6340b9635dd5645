import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client address: the socket's peer, or, when that peer is a trusted proxy, the nearest
 * X-Forwarded-For entry that is not one. A client cannot forge its way past a limit by sending
 * its own X-Forwarded-For, since only trusted proxies' additions are read.
 */
export function clientIpResolver(trustedProxies: string[]): (c: Context) => string | undefined {
  const trusted = new Set(trustedProxies.map(unmap));
  return (c) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      return undefined;
    }
    if (!peer) return undefined;
    peer = unmap(peer);
    if (!trusted.has(peer)) return peer;
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => unmap(s.trim()))
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i];
      if (hop && !trusted.has(hop)) return hop;
    }
    return peer;
  };
}

function unmap(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/**
 * How this server looks to the browser, for the admin cookie's Secure flag and Origin check:
 * PARLEY_PUBLIC_URL when set; otherwise the request URL, with the scheme and host a trusted
 * proxy reports in X-Forwarded-Proto / X-Forwarded-Host (a client's own are ignored).
 */
export function requestOriginResolver(
  trustedProxies: string[],
  publicUrl: string | undefined,
): { isHttps: (c: Context) => boolean; ownOrigin: (c: Context) => string } {
  const trusted = new Set(trustedProxies.map(unmap));
  const fromProxy = (c: Context): boolean => {
    try {
      const peer = getConnInfo(c).remote.address;
      return peer !== undefined && trusted.has(unmap(peer));
    } catch {
      return false;
    }
  };
  const ownOrigin = (c: Context): string => {
    if (publicUrl) return new URL(publicUrl).origin;
    const url = new URL(c.req.url);
    if (fromProxy(c)) {
      const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
      const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
      if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
      if (host) url.host = host;
    }
    return url.origin;
  };
  return { ownOrigin, isHttps: (c) => ownOrigin(c).startsWith('https:') };
}
