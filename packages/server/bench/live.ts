/**
 * `pnpm bench:live [--readers N] [--comments N] [--gap MS] [--db sqlite|postgres]`
 *
 * Prints figures, asserts nothing. Starts the built server (dist/, as in production) in a process
 * of its own, opens N server-sent-event readers (default 2,000) on one page, measures the
 * server's RSS idle and with the readers connected, then posts M comments (default 100), 50 ms
 * apart (--gap), and times each delivery to each reader from the moment its POST was sent.
 * Bounded: it gives up waiting for deliveries after 60 s and reports what arrived.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/domain/sites.js';
import { SERVER_NODE_FLAGS } from '../src/node-flags.js';
import { dropPostgresSchema, openPostgres } from '../src/storage/postgres/open.js';
import { openSqlite } from '../src/storage/sqlite/open.js';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '2000' },
    comments: { type: 'string', default: '100' },
    db: { type: 'string', default: 'sqlite' },
    gap: { type: 'string', default: '50' },
  },
});
const READERS = Number(values.readers);
const GAP_MS = Number(values.gap);
const COMMENTS = Number(values.comments);
const ORIGIN = 'https://bench.example';
const PG_URL =
  process.env.PARLEY_BENCH_DATABASE_URL ?? process.env.PARLEY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MAIN = new URL('../dist/cli/main.js', import.meta.url).pathname;

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

/** The body of a bench comment inside a `comment.created` payload. */
const MARKER = /"body":"(bench-\d+)"/g;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-live-'));
  let databaseUrl = `sqlite:${join(dir, 'parley.sqlite')}`;
  let cleanup = async () => {};
  const site = buildSite(
    { id: 'bench', origins: [ORIGIN], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false } },
    Date.now(),
  );
  if (values.db === 'postgres') {
    const schema = `parley_bench_live_${process.pid}`;
    const storage = await openPostgres(PG_URL, { schema, max: 1 });
    await storage.createSite(site);
    await storage.close();
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
    cleanup = () => dropPostgresSchema(PG_URL, schema);
  } else {
    const storage = await openSqlite(databaseUrl.slice('sqlite:'.length));
    await storage.createSite(site);
    await storage.close();
  }

  const server: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PARLEY_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1].replace('localhost', '127.0.0.1'));
    });
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const { hostname, port } = new URL(base);
  const pid = server.pid as number;
  try {
    // Warm the server up (first requests compile routes and fill caches), then take the idle RSS.
    for (let i = 0; i < 20; i++) await fetch(`${base}/api/v1/comments?site=bench&page=/live`);
    await sleep(500);
    const idleKb = rssKb(pid);

    const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let ready = 0;
    const path = `/api/v1/events?site=bench&page=${encodeURIComponent('/live')}`;
    const open = () =>
      new Promise<void>((resolve, reject) => {
        const req = request({ host: hostname, port, path, agent, headers: { origin: ORIGIN } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`));
          res.setEncoding('utf8');
          // Cheap on purpose (the readers share one process with the clock): scan each chunk for
          // the markers, keeping a short tail in case one is split across chunks.
          let tail = '';
          let counted = false;
          res.on('data', (chunk: string) => {
            const now = performance.now();
            const text = tail + chunk;
            if (!counted && text.includes('event: ready')) {
              counted = true;
              ready++;
              resolve();
            }
            MARKER.lastIndex = 0;
            let last = 0;
            for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
              const t = sentAt.get(m[1] as string);
              if (t !== undefined) latencies.push(now - t);
              last = MARKER.lastIndex;
            }
            tail = text.slice(Math.max(last, text.length - 40));
          });
        });
        req.on('error', reject);
        req.end();
      });
    const t0 = performance.now();
    // RSS is also read with half the readers connected: the second half's growth is what one
    // more idle reader costs. The first half also pays one-off costs (the database pool opening
    // its connections, V8 sizing its heap for the connection burst), which the average carries.
    const half = Math.floor(READERS / 2);
    let halfKb = 0;
    let connectPaused = 0;
    for (let i = 0; i < READERS; i += 200) {
      await Promise.all(Array.from({ length: Math.min(200, READERS - i) }, open));
      if (i + 200 === half || (i < half && i + 200 > half)) {
        const p = performance.now();
        await sleep(1_000);
        halfKb = rssKb(pid);
        connectPaused = performance.now() - p;
      }
    }
    const connectMs = performance.now() - t0 - connectPaused;
    await sleep(1_000);
    const connectedKb = rssKb(pid);

    for (let i = 0; i < COMMENTS; i++) {
      const body = `bench-${i}`;
      sentAt.set(body, performance.now());
      const res = await fetch(`${base}/api/v1/comments`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'bench', page: '/live', body }),
      });
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      await sleep(GAP_MS);
    }
    const expected = READERS * COMMENTS;
    const deadline = Date.now() + 60_000;
    while (latencies.length < expected && Date.now() < deadline) await sleep(100);
    const peakKb = rssKb(pid);

    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
    const perConn = ((connectedKb - idleKb) * 1024) / READERS;
    const marginal = ((connectedKb - halfKb) * 1024) / (READERS - half);
    console.log(`bench:live (${values.db}, built server, Node ${process.version})`);
    console.log(`readers connected      ${ready} of ${READERS} in ${(connectMs / 1000).toFixed(1)} s`);
    console.log(`deliveries             ${latencies.length} of ${expected} (${COMMENTS} comments, ${GAP_MS} ms apart)`);
    console.log(`latency p50 / p99      ${pct(50).toFixed(0)} ms / ${pct(99).toFixed(0)} ms (max ${pct(100).toFixed(0)} ms)`);
    console.log(
      `server RSS             idle ${(idleKb / 1024).toFixed(1)} MB, ${READERS} readers ${(connectedKb / 1024).toFixed(1)} MB, after posting ${(peakKb / 1024).toFixed(1)} MB`,
    );
    console.log(
      `RSS per idle reader    ${(marginal / 1024).toFixed(1)} KB for each reader of the second ${READERS - half} (${(halfKb / 1024).toFixed(1)} MB at ${half}); ${(perConn / 1024).toFixed(1)} KB averaged from idle`,
    );
    console.log('targets                p99 <= 500 ms, <= 20 KB per idle reader');
    agent.destroy();
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
