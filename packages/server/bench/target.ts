/**
 * One server under load, in its own process so its peak RSS is its own and the load generator
 * does not share its event loop. `BENCH_MODE=app` serves the real Parley app over
 * `BENCH_DATABASE_URL`; `BENCH_MODE=ceiling` serves the bytes of `BENCH_CEILING_FILE` from memory
 * on a bare Hono route (the fastest any JSON answer could be on this stack).
 * Tells the parent `{port}` over IPC once listening; answers `'report'` with `{peakRss}`.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readConfig } from '../src/config.js';
import { createApp } from '../src/http/app.js';
import { clientIpResolver } from '../src/http/client-ip.js';
import { openStorage } from '../src/storage/open.js';

/** Peak resident set size in bytes: the kernel's high-water mark, or our own samples without /proc. */
function peakRss(sampled: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return sampled;
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE;
  let fetch: (req: Request) => Response | Promise<Response>;
  if (mode === 'ceiling') {
    const bytes = new Uint8Array(readFileSync(process.env.BENCH_CEILING_FILE ?? ''));
    const bare = new Hono();
    bare.get('*', (c) => c.body(bytes, 200, { 'content-type': 'application/json' }));
    fetch = bare.fetch;
  } else if (mode === 'app') {
    const storage = await openStorage(process.env.BENCH_DATABASE_URL);
    const cache = process.env.BENCH_LIST_CACHE;
    const app = createApp({
      storage,
      clientIp: clientIpResolver([]),
      // As `parley serve` runs by default (readConfig's PARLEY_LIST_FRESH_MS).
      listFreshMs: readConfig({}).listFreshMs,
      ...(cache ? { listCacheEntries: Number(cache) } : {}),
    });
    fetch = app.fetch;
  } else {
    throw new Error(`BENCH_MODE must be app or ceiling, not ${mode}`);
  }
  let sampled = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 100);
  sampler.unref();
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
    process.send?.({ port: info.port });
  });
  process.on('message', async (msg) => {
    if (msg !== 'report') return;
    process.send?.({ peakRss: peakRss(sampled) });
  });
  process.on('disconnect', () => {
    // Requests may still be in flight; stop at once rather than fail them against a closed pool.
    server.close();
    process.exit(0);
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
