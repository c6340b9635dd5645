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
