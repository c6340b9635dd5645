#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=50
import { existsSync } from 'node:fs';
import { readConfig } from '../config.js';
import { Problem } from '../domain/problem.js';
import { buildSite } from '../domain/sites.js';
import type { Site } from '../storage/types.js';
import { ADMIN_HELP, adminCommand } from './admin.js';
import { parse, UsageError } from './args.js';
import { print, problemText, withStorage } from './common.js';
import { exportCommand, importCommand } from './import/command.js';
import { settingsHelp, siteSet, siteShow } from './site-settings.js';

const HELP: Record<string, string> = {
  main: `Usage: parley <command> [options]

Commands:
  serve                      Start the comment server (PORT, HOST, PARLEY_DATABASE_URL)
  migrate                    Apply pending database migrations
  site add <id> --origin URL [--origin URL…] [--name NAME]
                             Create a site that pages on those origins may use
  site list                  List sites and their origins
  site show <id>             Print a site's settings, one name=value per line
  site set <id> name=value…  Change settings, e.g. moderation=all rate-limit-per-minute=0
  admin add <email> [--role owner|moderator] [--site ID…]
                             Add an administrator of the moderation console
  admin list | remove <email> | password <email>
  backup <file>              Copy the SQLite database while it is in use
  import --from FORMAT <file> --site ID [--map-url FROM=TO…] [--dry-run]
                             Import comments from Disqus, WordPress, Isso, Remark42,
                             Commento or a Parley export
  export --site ID <file>    Write a site's pages and comments to a Parley export

Every command takes --help (or: parley help <command>). The database comes from PARLEY_DATABASE_URL
(default sqlite:./data/parley.sqlite; postgres://… for PostgreSQL).`,
  serve: `Usage: parley serve

Starts the comment server. Environment: PORT (default 3000), HOST (default 127.0.0.1),
PARLEY_DATABASE_URL, PARLEY_TRUSTED_PROXIES (comma-separated proxy addresses whose
X-Forwarded-For is believed). Stops cleanly on SIGINT or SIGTERM.`,
  migrate: `Usage: parley migrate

Applies every pending migration to the database in PARLEY_DATABASE_URL and lists them.`,
  site: `Usage: parley site add <id> --origin URL [--origin URL…] [--name NAME]
       parley site list
       parley site show <id>
       parley site set <id> name=value [name=value…]

A site id is 1-64 characters of a-z, 0-9 and -. Origins are exact, like https://example.com.
site set checks every pair first and changes nothing unless all are valid.

${settingsHelp()}`,
  admin: ADMIN_HELP,
  backup: `Usage: parley backup <file>

Writes a consistent copy of the SQLite database to <file> with SQLite's online backup,
while the server keeps running. For PostgreSQL use pg_dump.`,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return print(HELP.main);
  // `parley help site add` is `parley site add --help`; each command prints its own help.
  if (command === 'help') return rest.length && rest[0] !== 'help' ? main([...rest, '--help']) : print(HELP.main);
  switch (command) {
    case 'serve':
      return serveCommand(rest);
    case 'migrate':
      return migrateCommand(rest);
    case 'site':
      return siteCommand(rest);
    case 'backup':
      return backupCommand(rest);
    case 'admin':
      return adminCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'export':
      return exportCommand(rest);
    default:
      throw new UsageError(`unknown command "${command}"; see parley --help`);
  }
}

async function serveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args);
  if (values.help) return print(HELP.serve);
  if (positionals.length) throw new UsageError(`serve takes no arguments; see parley serve --help`);
  const config = readConfig();
  // Heavy modules load only for the commands that need them, so --help and mistakes answer at once.
  const { startServer } = await import('../server.js');
  const { initialOwnerNotice } = await import('../domain/initial-owner.js');
  const server = await startServer(config);
  print(`Parley comment server on ${server.url} (database ${redact(config.databaseUrl)})`);
  if (server.initialPassword) print(initialOwnerNotice(server.initialPassword, server.url));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function migrateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args);
  if (values.help) return print(HELP.migrate);
  if (positionals.length) throw new UsageError('migrate takes no arguments; see parley migrate --help');
  await withStorage(async (storage) => {
    const applied = 'migrationsApplied' in storage ? (storage.migrationsApplied as string[]) : [];
    for (const name of applied) print(`Applied migration ${name}`);
    print(applied.length ? 'Database is up to date.' : 'Database was up to date already.');
  });
}

async function siteCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { origin: { type: 'string', multiple: true }, name: { type: 'string' } });
  if (values.help) return print(HELP.site);
  const [sub, id, ...extra] = positionals;
  if (sub === 'show') {
    if (!id || extra.length) throw new UsageError('site show takes one site id; see parley site --help');
    return siteShow(id);
  }
  if (sub === 'set') {
    if (!id) throw new UsageError('site set takes a site id and name=value pairs; see parley site --help');
    return siteSet(id, extra);
  }
  if (sub === 'list') {
    if (id !== undefined) throw new UsageError('site list takes no arguments; see parley site --help');
    return withStorage(async (storage) => {
      const sites = await storage.listSites();
      if (!sites.length) print('No sites yet; add one with: parley site add <id> --origin https://example.com');
      for (const s of sites) print(`${s.id}\t${s.name}\t${s.origins.join(' ')}`);
    });
  }
  if (sub !== 'add') throw new UsageError(`unknown site command "${sub ?? ''}"; see parley site --help`);
  if (!id || extra.length) throw new UsageError('site add takes one site id; see parley site --help');
  const origins = (values.origin as string[] | undefined) ?? [];
  if (!origins.length) throw new UsageError('site add needs at least one --origin https://…');
  let site: Site;
  try {
    site = buildSite({ id, name: values.name as string | undefined, origins }, Date.now());
  } catch (err) {
    // A bad id or origin is a mistake in the command line: say which, exit 2.
    if (err instanceof Problem) throw new UsageError(problemText(err));
    throw err;
  }
  await withStorage(async (storage) => {
    if (await storage.getSite(site.id)) throw new Error(`site "${site.id}" exists already`);
    await storage.createSite(site);
    print(`Added site ${site.id} for ${site.origins.join(', ')}`);
  });
}

async function backupCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args);
  if (values.help) return print(HELP.backup);
  const [target, ...extra] = positionals;
  if (!target || extra.length) throw new UsageError('backup takes one target file; see parley backup --help');
  const url = readConfig().databaseUrl;
  if (!url.startsWith('sqlite:')) throw new UsageError('backup works on SQLite databases; use pg_dump for PostgreSQL');
  const { sqlitePath } = await import('../storage/open.js');
  const { backupSqlite } = await import('../storage/sqlite/open.js');
  const source = sqlitePath(url);
  // SQLite's own message ("unable to open database file") names neither file nor cause.
  if (source === ':memory:' || !existsSync(source)) throw new Error(`no SQLite database at ${source}; nothing to back up`);
  await backupSqlite(source, target);
  print(`Backed up ${source} to ${target}`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`parley: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof Problem) {
    process.stderr.write(`parley: ${problemText(err)}\n`);
    process.exit(1);
  }
  process.stderr.write(`parley: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
