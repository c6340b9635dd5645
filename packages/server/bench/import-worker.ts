/**
 * One measurement of `bench/import.ts`, run in its own process so each peak RSS is its own:
 *   node import-worker.js parse|import <disqus.xml> [<database.sqlite>]
 * Prints one JSON line: posts, seconds, RSS after loading the code, peak RSS sampled every
 * 25 ms, and the process maximum from getrusage.
 */
import { readDisqus } from '../src/cli/import/disqus.js';
import { ImportRun } from '../src/domain/import.js';
import { buildSite } from '../src/domain/sites.js';
import { importStorageOf } from '../src/storage/import-storage.js';
import { openSqlite } from '../src/storage/sqlite/open.js';

const [mode, file, database] = process.argv.slice(2);
if ((mode !== 'parse' && mode !== 'import') || !file) throw new Error('usage: import-worker parse|import <file> [<db>]');

async function work(): Promise<number> {
  if (mode === 'parse') {
    let n = 0;
    for await (const r of readDisqus(file as string).records) if (r.kind === 'comment') n++;
    return n;
  }
  if (!database) throw new Error('import needs a database file');
  const storage = await openSqlite(database);
  try {
    await storage.createSite(buildSite({ id: 'bench', origins: ['https://www.example.com'] }, Date.now()));
    const summary = await new ImportRun({ siteId: 'bench', source: 'disqus' }).run(
      importStorageOf(storage),
      readDisqus(file as string).records,
    );
    if (summary.failed || summary.skipped) throw new Error(`unexpected: ${summary.failed} failed, ${summary.skipped} skipped`);
    return summary.imported;
  } finally {
    await storage.close();
  }
}

const baseRss = process.memoryUsage.rss();
let peakRss = baseRss;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 25);
const started = performance.now();
const posts = await work();
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
process.stdout.write(`${JSON.stringify({ posts, seconds, baseRss, peakRss, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
