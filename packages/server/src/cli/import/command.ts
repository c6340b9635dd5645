import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { readConfig } from '../../config.js';
import { ExportRun } from '../../domain/export.js';
import { ImportRun, type ImportSummary } from '../../domain/import.js';
import {
  IMPORT_FORMATS,
  type ImportFormat,
  ImportLimitError,
  MalformedImportError,
  parseUrlRule,
} from '../../domain/import-records.js';
import { Problem } from '../../domain/problem.js';
import { importStorageOf } from '../../storage/import-storage.js';
import { openStorage } from '../../storage/open.js';
import { parse, UsageError } from '../args.js';
import { ImportProgress } from './progress.js';
import { readerFor } from './readers.js';

export const IMPORT_HELP = `Usage: parley import --from FORMAT <file> --site ID [--map-url FROM=TO…] [--dry-run]

Imports comments from another system into site ID (which must exist, except for a Parley
export, whose site is created when missing). FORMAT is one of:
  disqus      Disqus XML export (streamed; .xml or .xml.gz)
  wordpress   WordPress WXR export (streamed; .xml or .xml.gz)
  isso        Isso SQLite database (opened read-only)
  remark42    Remark42 backup (JSON lines; .gz or plain)
  commento    Commento JSON export (.json.gz or plain)
  parley      Parley export written by parley export (docs/interchange.md)

Options:
  --map-url FROM=TO   Rewrite old URLs that start with FROM to start with TO before page keys
                      are made (repeatable; the longest match wins), for example
                      --map-url http://old.example.com/=https://www.example.com/ or, for Isso's
                      paths, --map-url /=https://www.example.com/
  --dry-run           Read and check everything, write nothing
  -h, --help          Show this help

Importing the same file again creates nothing new. Progress goes to stderr, the summary to
stdout. Exit status: 0 when the file was read (failed records are listed), 1 when it is
malformed (the line or element is named) or the database fails, 2 for bad arguments.`;

export const EXPORT_HELP = `Usage: parley export --site ID <file>

Writes every page and comment of site ID to <file> in the Parley interchange format
(JSON lines, docs/interchange.md), which parley import --from parley reads back.
The file holds commenters' e-mail addresses: it is an administrator's backup, written
readable by its owner only; keep it private.`;

/** `parley import`: sets `process.exitCode` rather than exiting, so output is flushed first. */
export async function importCommand(args: string[]): Promise<void> {
  return guarded('import', async () => {
    const { values, positionals } = parse(args, {
      from: { type: 'string' },
      site: { type: 'string' },
      'map-url': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
    });
    if (values.help) return void process.stdout.write(`${IMPORT_HELP}\n`);
    const from = values.from as string | undefined;
    if (!from || !(IMPORT_FORMATS as readonly string[]).includes(from)) {
      throw new UsageError(`--from must be one of ${IMPORT_FORMATS.join(', ')}; see parley import --help`);
    }
    const site = values.site as string | undefined;
    if (!site) throw new UsageError('--site ID is required; see parley import --help');
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('import takes one file; see parley import --help');
    let urlRules: ReturnType<typeof parseUrlRule>[];
    try {
      urlRules = ((values['map-url'] as string[] | undefined) ?? []).map(parseUrlRule);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const format = from as ImportFormat;
    const source = readerFor(format)(file);
    const dryRun = values['dry-run'] === true;
    const storage = await openStorage(readConfig().databaseUrl);
    const run = new ImportRun({ siteId: site, source: format, urlRules, dryRun });
    const progress = new ImportProgress({ stream: process.stderr, counts: () => run.counts, fraction: source.fraction });
    const started = Date.now();
    progress.start();
    try {
      const summary = await run.run(importStorageOf(storage), source.records);
      progress.stop();
      process.stdout.write(describe(summary, { site, format, file, seconds: (Date.now() - started) / 1000 }));
    } finally {
      progress.stop();
      await storage.close();
    }
  });
}

/** `parley export`: writes to a temporary file first, so a failed export never leaves half a backup. */
export async function exportCommand(args: string[]): Promise<void> {
  return guarded('export', async () => {
    const { values, positionals } = parse(args, { site: { type: 'string' } });
    if (values.help) return void process.stdout.write(`${EXPORT_HELP}\n`);
    const site = values.site as string | undefined;
    if (!site) throw new UsageError('--site ID is required; see parley export --help');
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('export takes one target file; see parley export --help');
    const storage = await openStorage(readConfig().databaseUrl);
    const temp = `${file}.partial-${process.pid}`;
    try {
      const run = new ExportRun(importStorageOf(storage), site);
      // E-mail addresses are inside: readable by the owner only.
      const out = createWriteStream(temp, { mode: 0o600 });
      const failed = once(out, 'error').then(([err]) => {
        throw err;
      });
      failed.catch(() => {});
      const write = async () => {
        for await (const line of run.lines()) {
          if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
        }
        out.end();
        await Promise.race([once(out, 'finish'), failed]);
      };
      try {
        await write();
      } catch (err) {
        out.destroy();
        rmSync(temp, { force: true });
        throw err;
      }
      renameSync(temp, file);
      process.stdout.write(`Exported ${run.counts.comments} comments on ${run.counts.pages} pages of site ${site} to ${file}\n`);
    } finally {
      await storage.close();
    }
  });
}

async function guarded(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    process.exitCode = err instanceof UsageError ? 2 : 1;
    const message =
      err instanceof ImportLimitError
        ? `file too large to read at ${err.message}`
        : err instanceof MalformedImportError
          ? `malformed file at ${err.message}`
          : err instanceof Problem
            ? (err.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? err.message)
            : (err as Error).message;
    process.stderr.write(`parley ${name}: ${message}\n`);
  }
}

const fmt = new Intl.NumberFormat('en');

function byReason(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} ${fmt.format(n)}`)
    .join(', ');
}

/** The end-of-run summary: imported, skipped and failed with reasons, warnings. */
export function describe(s: ImportSummary, run: { site: string; format: string; file: string; seconds: number }): string {
  const lines = [
    `${s.dryRun ? 'Dry run: would import' : 'Imported'} ${fmt.format(s.imported)} comments (${fmt.format(s.pages)} new pages) into site ${run.site} from ${run.format} file ${run.file} in ${run.seconds.toFixed(1)} s.`,
    `Read ${fmt.format(s.read)} records: ${fmt.format(s.imported)} imported, ${fmt.format(s.skipped)} skipped, ${fmt.format(s.failed)} failed.`,
  ];
  if (s.skipped) lines.push(`Skipped: ${byReason(s.skippedBy)}.`);
  if (s.failed) {
    lines.push(`Failed: ${byReason(s.failedBy)}.`);
    for (const f of s.failures) lines.push(`  ${f.at ?? '?'} (id ${f.sourceId}): ${f.reason}`);
    if (s.failed > s.failures.length) lines.push(`  … and ${fmt.format(s.failed - s.failures.length)} more`);
  }
  if (s.warningCount) {
    lines.push(`Warnings: ${fmt.format(s.warningCount)}.`);
    for (const w of s.warnings) lines.push(`  ${w.at ?? '?'} (id ${w.sourceId}): ${w.reason}`);
    if (s.warningCount > s.warnings.length) lines.push(`  … and ${fmt.format(s.warningCount - s.warnings.length)} more`);
  }
  if (s.dryRun) lines.push('Dry run: nothing was written.');
  return `${lines.join('\n')}\n`;
}
