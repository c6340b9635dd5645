/**
 * `pnpm test:limits [--rounds N]`: memory under hostile traffic (issue 10). Starts `parley serve`
 * in its own process (SQLite in a temporary folder, Node timeouts shortened so slow clients are cut
 * off within a second or two), then sends N rounds (default 3) of: oversized bodies with and
 * without Content-Length, bodies that lie about their length, garbage bytes and broken request
 * lines, malformed JSON, over-long URLs, too many query parameters, and slow clients trickling
 * their headers or body. Prints the server's resident memory (VmRSS) after a warm-up, after each
 * round and at the end, and the answers by status; exits 1 if the server died, stopped answering,
 * answered a 5xx, or grew by more than 64 MiB from the first round to the last.
 * Loopback only; bounded in count and time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/domain/sites.js';
import { openSqlite } from '../src/storage/sqlite/open.js';
import { ORIGIN } from '../src/test-support.js';
import { startServerProcess } from '../src/testing/server-process.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);
const GROWTH_LIMIT_MIB = 64;

const dir = mkdtempSync(join(tmpdir(), 'parley-limits-'));
const file = join(dir, 'parley.sqlite');
const storage = await openSqlite(file);
await storage.createSite(buildSite({ id: 'demo', origins: [ORIGIN], settings: { requireFormToken: false } }, Date.now()));
await storage.close();
const server = await startServerProcess({
  PARLEY_DATABASE_URL: `sqlite:${file}`,
  PARLEY_HEADERS_TIMEOUT_MS: '1000',
  PARLEY_REQUEST_TIMEOUT_MS: '2000',
  PARLEY_KEEP_ALIVE_TIMEOUT_MS: '1000',
});
const port = Number(new URL(server.url).port);
const pid = server.child.pid ?? 0;

function rssMiB(): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m?.[1] ?? 0) / 102.4) / 10;
}

/** Answers by status, per kind of request. */
const statuses: Record<string, Record<string, number>> = {};
/** Sends raw bytes (`parts`, `gapMs` apart) and resolves with the answer's status ('none' if closed without one). */
function raw(parts: (string | Buffer)[], gapMs = 0, limitMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    let i = 0;
    let finished = false;
    const done = (status: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(limit);
      socket.destroy();
      resolve(status);
    };
    const limit = setTimeout(() => done('client-timeout'), limitMs);
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m?.[1]) done(m[1]);
    });
    socket.on('error', () => {});
    socket.on('close', () => done(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 'none'));
    const next = () => {
      if (socket.destroyed || i >= parts.length) return;
      socket.write(parts[i++] as string | Buffer);
      if (gapMs) setTimeout(next, gapMs);
      else next();
    };
    socket.on('connect', next);
  });
}

const post = (headers: string) =>
  `POST /api/v1/comments HTTP/1.1\r\nHost: localhost\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\n${headers}\r\n`;
const big = Buffer.alloc(200 * 1024, 'x');
const chunked = (size: number) => `${size.toString(16)}\r\n${'x'.repeat(size)}\r\n`;

/** One kind of hostile request: a name and a function that sends one. */
const kinds: [string, () => Promise<string>][] = [
  ['oversized, Content-Length 10 MB', () => raw([post('Content-Length: 10000000\r\n'), big])],
  [
    'oversized, chunked 256 KiB',
    () => raw([post('Transfer-Encoding: chunked\r\n'), ...Array(8).fill(chunked(32 * 1024)), '0\r\n\r\n']),
  ],
  ['Content-Length shorter than the body', () => raw([post('Content-Length: 5\r\n'), '{"site":"demo","page":"/p","body":"x"}'])],
  ['garbage bytes', () => raw([Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))])],
  ['broken request line', () => raw(['GET /\u0000 HTTP/9.9\r\n\r\n'])],
  ['malformed JSON', () => raw([post('Content-Length: 9\r\nConnection: close\r\n'), '{"site":['])],
  [
    'URL of 12,000 characters',
    () => raw([`GET /api/v1/comments?site=demo&page=${'a'.repeat(12_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]),
  ],
  ['head over 16 KiB', () => raw([`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`])],
  [
    '500 query parameters',
    () => raw([`GET /api/v1/counts?site=demo${'&page=a'.repeat(500)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]),
  ],
  ['slow headers', () => raw(['GET /healthz HTTP/1.1\r\n', ...Array(40).fill('X-Slow: 1\r\n')], 100)],
  ['slow body', () => raw([post('Content-Length: 1000\r\n'), ...Array(40).fill(' ')], 100)],
];

/** Runs `count` requests of every kind, `concurrency` at a time. */
async function round(count: number, concurrency: number): Promise<void> {
  const queue = kinds.flatMap(([name, send]) =>
    Array.from({ length: count }, () => async () => {
      const status = await send();
      const seen = statuses[name] ?? {};
      seen[status] = (seen[status] ?? 0) + 1;
      statuses[name] = seen;
    }),
  );
  const workers = Array.from({ length: concurrency }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await Promise.all(workers);
}

const started = Date.now();
let failed = false;
for (let i = 0; i < 200; i++) await fetch(`${server.url}/api/v1/comments?site=demo&page=%2Fp`);
const warm = rssMiB();
console.log(`server pid ${pid}; RSS after warm-up (200 listings): ${warm} MiB`);
const perRound = 100;
const sizes: number[] = [];
for (let r = 1; r <= rounds; r++) {
  await round(perRound, 50);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  sizes.push(rssMiB());
  console.log(`round ${r}: ${perRound * kinds.length} hostile requests; RSS ${sizes.at(-1)} MiB`);
}
const health = await fetch(`${server.url}/healthz`).then(
  (res) => res.status,
  () => 0,
);
const alive = server.child.exitCode === null && server.child.signalCode === null;
console.log('answers by status:');
for (const [name, seen] of Object.entries(statuses)) console.log(`  ${name}: ${JSON.stringify(seen)}`);
console.log(`total hostile requests: ${rounds * perRound * kinds.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const growth = (sizes.at(-1) ?? 0) - (sizes[0] ?? 0);
console.log(
  `RSS: warm-up ${warm} MiB, after round 1 ${sizes[0]} MiB, at the end ${sizes.at(-1)} MiB (growth after round 1: ${growth.toFixed(1)} MiB; limit ${GROWTH_LIMIT_MIB})`,
);
console.log(`server alive: ${alive}; /healthz afterwards: ${health}`);
if (!alive || health !== 200) failed = true;
if (Object.values(statuses).some((seen) => Object.keys(seen).some((s) => s.startsWith('5')))) failed = true;
if (growth > GROWTH_LIMIT_MIB) failed = true;
await server.stop();
rmSync(dir, { recursive: true, force: true });
console.log(failed ? 'FAIL' : 'ok: memory flat, no 5xx, server alive');
process.exit(failed ? 1 : 0);
