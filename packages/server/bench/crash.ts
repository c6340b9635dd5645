/**
 * `pnpm test:crash [--fast] [--backend sqlite|postgres|both] [--cycles N] [--min-acked N]
 *   [--pg-stops N] [--max-minutes M]`
 *
 * Crash safety, proven: a writer posts comments (each with a client-generated id, sent as its
 * Idempotency-Key) with 32 in flight while a supervisor kills `parley serve` with SIGKILL at
 * random moments (0.5-5 s apart), starts it again and carries on. On PostgreSQL (a private
 * cluster, never the shared server) PostgreSQL itself is also stopped with `pg_ctl -m immediate`
 * while the app keeps running. Afterwards it prints and checks: 0 acknowledged comments missing,
 * 0 duplicates, `PRAGMA integrity_check` ok (pg_amcheck on PostgreSQL), ready within 2 s of each
 * restart, no 2xx while PostgreSQL was down and recovery without restarting the app.
 * Exits 1 if any check fails. Full variant (default): 50 kill cycles and at least 20,000
 * acknowledged comments per backend; `--fast` (inside `pnpm test`): a few cycles, about a minute,
 * where the 2 s readiness figure is printed but only `--enforce-ready` makes it count.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildSite } from '../src/domain/sites.js';
import { openStorage } from '../src/storage/open.js';
import { type PrivatePostgres, startPrivatePostgres } from '../src/testing/private-postgres.js';
import { ServerProcess, sleep } from './crash-server.js';
import { Writer } from './crash-writer.js';

const { values } = parseArgs({
  options: {
    fast: { type: 'boolean', default: false },
    backend: { type: 'string', default: 'both' },
    cycles: { type: 'string' },
    'min-acked': { type: 'string' },
    'pg-stops': { type: 'string' },
    'max-minutes': { type: 'string' },
    'enforce-ready': { type: 'boolean' },
  },
});
const FAST = values.fast;
const CYCLES = Number(values.cycles ?? (FAST ? 3 : 50));
const MIN_ACKED = Number(values['min-acked'] ?? (FAST ? 0 : 20_000));
const PG_STOPS = Number(values['pg-stops'] ?? (FAST ? 1 : 5));
const MAX_MS = Number(values['max-minutes'] ?? (FAST ? 2 : 30)) * 60_000;
const CONCURRENCY = 32;
const READY_LIMIT_MS = 2000;
const ENFORCE_READY = values['enforce-ready'] ?? !FAST;
const SITE = 'crash';
const backends = values.backend === 'both' ? ['sqlite', 'postgres'] : [values.backend ?? 'sqlite'];

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(PACKAGE, 'dist', 'cli', 'main.js');

interface Check {
  name: string;
  ok: boolean;
  figure: string;
  /** Printed with its verdict but not failing the run (a timing figure in the fast variant). */
  advisory?: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${Math.round(n)} ms`;
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The stored comments of the crash site as client id → comment ids. */
type Stored = Map<string, string[]>;

function storedFrom(rows: { id: string; body: string }[]): Stored {
  const byKey: Stored = new Map();
  for (const { id, body } of rows) {
    const key = /crash test comment (\S+)$/.exec(body)?.[1] ?? `?${id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
  }
  return byKey;
}

/** Kill cycles against one server until the cycle and acknowledgement targets are met. */
async function killCycles(server: ServerProcess, writer: Writer, started: number, readyMs: number[]): Promise<number> {
  let cycles = 0;
  while ((cycles < CYCLES || writer.acknowledged < MIN_ACKED) && performance.now() - started < MAX_MS) {
    await sleep(between(500, 5000));
    await server.kill();
    readyMs.push(await server.start());
    cycles++;
    process.stdout.write(`  cycle ${cycles}: ready in ${ms(readyMs.at(-1) ?? 0)}, ${fmt(writer.acknowledged)} acknowledged\n`);
  }
  return cycles;
}

/** Stops PostgreSQL under the running app; returns the outage windows and recovery times. */
async function postgresStops(cluster: PrivatePostgres, writer: Writer) {
  const windows: { down: number; restarting: number }[] = [];
  const recoveryMs: number[] = [];
  for (let i = 0; i < PG_STOPS; i++) {
    await sleep(between(500, 3000));
    await cluster.stop('immediate');
    const down = performance.now();
    await sleep(1500);
    const restarting = performance.now();
    windows.push({ down, restarting });
    await cluster.start();
    const up = performance.now();
    // The app was not restarted: its pool must reconnect by itself.
    let first: number | undefined;
    while (first === undefined && performance.now() - up < 30_000) {
      first = writer.stats.successes.find((s) => s.sentAt > up)?.receivedAt;
      if (first === undefined) await sleep(20);
    }
    recoveryMs.push(first === undefined ? Number.POSITIVE_INFINITY : first - up);
    process.stdout.write(
      `  PostgreSQL stop ${i + 1}: down ${ms(restarting - down)}, app writing again ${ms(recoveryMs.at(-1) ?? 0)} after it was up\n`,
    );
  }
  return { windows, recoveryMs };
}

async function runBackend(backend: string): Promise<Check[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
  const started = performance.now();
  let cluster: PrivatePostgres | undefined;
  let server: ServerProcess | undefined;
  let writer: Writer | undefined;
  try {
    let databaseUrl: string;
    if (backend === 'postgres') {
      cluster = await startPrivatePostgres();
      databaseUrl = cluster.url;
    } else {
      databaseUrl = `sqlite:${join(dir, 'parley.sqlite')}`;
    }
    const setup = await openStorage(databaseUrl);
    await setup.createSite(
      buildSite(
        { id: SITE, origins: ['http://127.0.0.1'], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0 } },
        Date.now(),
      ),
    );
    await setup.close();

    server = new ServerProcess(MAIN, await freePort(), databaseUrl, join(dir, 'server.log'));
    const readyMs = [await server.start()];
    const url = server.url;
    writer = new Writer(() => url, SITE);
    writer.start(CONCURRENCY);
    const cycles = await killCycles(server, writer, started, readyMs);
    const outage = cluster ? await postgresStops(cluster, writer) : undefined;
    await writer.stop();
    await server.stop();

    let integrity: string;
    let stored: Stored;
    if (cluster) {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const { rows } = await client.query<{ id: string; body: string }>(
        'select c.id, c.body from comments c join pages p on p.id = c.page_id where p.site_id = $1',
        [SITE],
      );
      await client.end();
      stored = storedFrom(rows);
      // pg_amcheck verifies every table and B-tree index against its own invariants.
      try {
        await cluster.run('pg_amcheck', ['--install-missing', '--heapallindexed', '-d', 'postgres']);
        integrity = 'ok';
      } catch (err) {
        integrity = err instanceof Error ? err.message : String(err);
      }
    } else {
      const db = new Database(join(dir, 'parley.sqlite'));
      integrity = String(db.pragma('integrity_check', { simple: true }));
      const rows = db
        .prepare('select c.id, c.body from comments c join pages p on p.id = c.page_id where p.site_id = ?')
        .all(SITE) as { id: string; body: string }[];
      db.close();
      stored = storedFrom(rows);
    }

    const { acked, statuses, replayed, successes, errors, abandoned } = writer.stats;
    const missing = [...acked].filter(([key, id]) => !stored.get(key)?.includes(id)).length;
    const duplicates = [...stored.values()].filter((ids) => ids.length > 1).length;
    const unacknowledged = [...stored.keys()].filter((key) => !acked.has(key)).length;
    const sorted = [...readyMs].sort((a, b) => a - b);
    const maxReady = sorted.at(-1) ?? 0;
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const answers = [...statuses].map(([s, n]) => `${s}: ${fmt(n)}`).join(', ');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${backend}: ${cycles} kill cycles in ${seconds.toFixed(0)} s, ${fmt(acked.size)} acknowledged, ${fmt(replayed)} replayed answers; answers ${answers}`,
    );
    const checks: Check[] = [
      { name: 'kill cycles', ok: cycles >= CYCLES, figure: `${cycles} (target ${CYCLES})` },
      {
        name: 'acknowledged comments',
        ok: acked.size >= MIN_ACKED && acked.size > 0,
        figure: `${fmt(acked.size)} (target ${fmt(MIN_ACKED)})`,
      },
      { name: 'acknowledged comments missing', ok: missing === 0, figure: String(missing) },
      { name: 'duplicates', ok: duplicates === 0, figure: String(duplicates) },
      { name: 'stored but never acknowledged', ok: unacknowledged === 0, figure: String(unacknowledged) },
      { name: cluster ? 'pg_amcheck' : 'PRAGMA integrity_check', ok: integrity === 'ok', figure: integrity },
      {
        name: 'ready after each restart',
        ok: maxReady <= READY_LIMIT_MS,
        figure: `max ${ms(maxReady)}, median ${ms(median)} over ${readyMs.length} starts (limit ${ms(READY_LIMIT_MS)})`,
        // A speed target: enforced by the full variant; the fast one inside `pnpm test` reports it
        // (a busy machine stretches a start without saying anything about the code).
        advisory: !ENFORCE_READY,
      },
      {
        name: 'unexpected answers (500, 4xx)',
        ok: errors.length === 0,
        figure: errors.length ? errors.slice(0, 3).join('; ') : '0',
      },
      {
        name: 'app exits not caused by the supervisor',
        ok: server.unexpectedExits === 0,
        figure: String(server.unexpectedExits),
      },
      { name: 'posts never acknowledged (given up after 60 s)', ok: abandoned === 0, figure: String(abandoned) },
    ];
    if (outage) {
      const during = successes.filter((s) => outage.windows.some((w) => s.sentAt > w.down && s.receivedAt < w.restarting)).length;
      const worst = Math.max(...outage.recoveryMs);
      checks.push(
        {
          name: 'PostgreSQL stops (-m immediate)',
          ok: outage.windows.length >= PG_STOPS,
          figure: `${outage.windows.length} (target ${PG_STOPS})`,
        },
        { name: '2xx while PostgreSQL was down', ok: during === 0, figure: String(during) },
        { name: '503 answers while it was down', ok: (statuses.get('503') ?? 0) > 0, figure: fmt(statuses.get('503') ?? 0) },
        {
          name: 'writing again after PostgreSQL was up (same app)',
          ok: Number.isFinite(worst),
          figure: `max ${ms(worst)}, all ${outage.recoveryMs.map(ms).join(', ')}`,
        },
      );
    }
    return checks;
  } catch (err) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    console.error(`${backend}: ${err instanceof Error ? err.stack : String(err)}\n--- server log (end) ---\n${log}`);
    return [{ name: 'run', ok: false, figure: err instanceof Error ? err.message : String(err) }];
  } finally {
    await writer?.stop().catch(() => {});
    await server?.kill().catch(() => {});
    await cluster?.destroy().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(MAIN)) {
  console.log('Building the server (the crash test runs compiled JavaScript, as in production)…');
  const build = spawnSync('pnpm', ['--filter', '@parley/server', 'run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
console.log(
  `crash test (${FAST ? 'fast' : 'full'}): ${CONCURRENCY} posts in flight, SIGKILL every 0.5-5 s; targets ${CYCLES} cycles, ${fmt(MIN_ACKED)} acknowledged${
    backends.includes('postgres') ? `, ${PG_STOPS} PostgreSQL stops` : ''
  } per backend`,
);
let failed = 0;
let passed = 0;
let over = 0;
for (const backend of backends) {
  console.log(`\n${backend}:`);
  const checks = await runBackend(backend);
  for (const c of checks) {
    console.log(
      `  ${c.ok ? 'ok  ' : c.advisory ? 'OVER' : 'FAIL'}  ${c.name}: ${c.figure}${!c.ok && c.advisory ? ' (advisory here; --enforce-ready makes it count)' : ''}`,
    );
    if (c.ok) passed++;
    else if (c.advisory) over++;
    else failed++;
  }
}
if (over) console.log(`\n${over} advisory figure(s) over their target (see above)`);
console.log(`crash checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
