import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own, in a temporary folder on a free port. Tests that stop the
 * database (crash and outage tests) use one of these: the shared server at :5432 is never stopped.
 */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`, trust authentication. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Whether the postmaster is running (as far as this helper started or stopped it). */
  readonly running: boolean;
  /** Starts the cluster again after {@link stop}; resolves once it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate` (like a crash: no checkpoint, recovery on the next start) or `fast`. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Runs one of the cluster's client tools (psql, pg_amcheck, …) against it; resolves with stdout. */
  run(tool: string, args: string[]): Promise<string>;
  /** Stops the cluster if it runs and deletes its folder. Safe to call twice. */
  destroy(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /** Extra server settings (`-c name=value`), e.g. `{ fsync: 'off' }` for a durability check test. */
  settings?: Record<string, string>;
}

/** The newest installed PostgreSQL's bin folder (Debian layout), or PARLEY_PG_BIN. */
export function postgresBinDir(): string | undefined {
  if (process.env.PARLEY_PG_BIN) return process.env.PARLEY_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** True when {@link startPrivatePostgres} can work here (PostgreSQL's server binaries are installed). */
export function canRunPrivatePostgres(): boolean {
  return postgresBinDir() !== undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The PostgreSQL server refuses to run as root, and CI runs as root: then every command runs as
 * the `postgres` user through runuser, and the folder is handed to that user.
 */
function asServerUser(): { wrap: (cmd: string, args: string[]) => [string, string[]]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args] };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { wrap: (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]], uid, gid };
}

/** Creates (initdb) and starts a private cluster; call `destroy()` when done (also done at exit). */
export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (set PARLEY_PG_BIN to the folder holding initdb)');
  const user = asServerUser();
  const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  if (user.uid !== undefined && user.gid !== undefined) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const exec = async (tool: string, args: string[]) => {
    const [cmd, argv] = user.wrap(join(bin, tool), args);
    try {
      return await run(cmd, argv, { timeout: 60_000 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`${tool} failed: ${e.stderr?.trim() || e.message}`);
    }
  };
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    // Small: the machine is shared, and the tests need few connections.
    shared_buffers: '16MB',
    max_connections: '40',
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  // --no-sync only skips syncing initdb's own files; the server itself runs with fsync on.
  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  let running = false;
  const start = async () => {
    await exec('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    running = true;
  };
  const stop = async (mode: 'immediate' | 'fast' = 'immediate') => {
    await exec('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
    running = false;
  };
  // A test that dies half-way must not leave a postmaster behind.
  const atExit = () => {
    if (running) {
      const [cmd, argv] = user.wrap(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      try {
        execFileSync(cmd, argv, { stdio: 'ignore' });
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', atExit);
  let destroyed = false;
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    get running() {
      return running;
    },
    start,
    stop,
    async run(tool, args) {
      const { stdout } = await exec(tool, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', ...args]);
      return stdout;
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      process.removeListener('exit', atExit);
      if (running) await stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
