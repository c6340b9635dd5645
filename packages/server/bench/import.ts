/**
 * Import benchmark (a script that prints figures, not a timed test). Generates Disqus exports
 * of N posts (default 200,000) and of N/10 with streamed writes, compiles the import code to
 * plain JavaScript (as `parley` ships, without the TypeScript loader), and in the same run
 * measures, each in its own process:
 *   - the baseline: reading and parsing the file with the Disqus reader alone, and
 *   - the import into a fresh temporary SQLite database (WAL, synchronous=FULL),
 * printing posts/s, the import/parse ratio, and peak RSS. Flat memory means the peak for N
 * posts is about the peak for N/10; it must stay well under 200 MB.
 *
 *   pnpm bench:import [posts]
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const POSTS = Number(process.argv[2] ?? 200_000);
const PER_THREAD = 100;
const MB = 1024 * 1024;
const HEAP_CAP_MB = 64;

async function generate(file: string, posts: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n',
  );
  const threads = Math.ceil(posts / PER_THREAD);
  for (let t = 0; t < threads; t++) {
    await write(
      `  <thread dsq:id="t${t}">\n    <link>http://old.example.com/${2000 + (t % 20)}/story-${t}/?utm=x</link>\n    <title>Story ${t} &amp; more</title>\n    <createdAt>2019-01-01T00:00:00Z</createdAt>\n    <isClosed>${t % 50 === 0}</isClosed>\n  </thread>\n`,
    );
  }
  for (let p = 0; p < posts; p++) {
    const thread = Math.floor(p / PER_THREAD);
    const first = thread * PER_THREAD;
    // A third are replies to an earlier post of the same thread.
    const parent = p % 3 === 2 && p > first ? `\n    <parent dsq:id="p${first + ((p * 7919) % (p - first))}" />` : '';
    const created = new Date(Date.UTC(2019, 0, 1) + p * 60_000).toISOString();
    await write(
      `  <post dsq:id="p${p}">\n    <message><![CDATA[<p>Comment ${p} with <b>bold</b> text and a <a href="https://example.com/${p}">link</a>.</p><p>Second paragraph, caf\u00e9 \u{1F600}.</p>]]></message>\n    <createdAt>${created}</createdAt>\n    <isDeleted>${p % 97 === 0}</isDeleted>\n    <isSpam>${p % 89 === 0}</isSpam>\n    <author>\n      <email>user${p % 5000}@example.com</email>\n      <name>User ${p % 5000}</name>\n      <isAnonymous>false</isAnonymous>\n    </author>\n    <thread dsq:id="t${thread}" />${parent}\n  </post>\n`,
    );
  }
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
}

interface Measurement {
  posts: number;
  seconds: number;
  baseRss: number;
  peakRss: number;
  maxRss: number;
}

const serverDir = fileURLToPath(new URL('..', import.meta.url));
// Inside node_modules so the compiled files resolve the server's dependencies.
const buildDir = join(serverDir, 'node_modules', '.cache', 'parley-bench-import');

/** Compiles bench/import-worker.ts and what it imports to plain JavaScript (`pnpm typecheck` checks types). */
function compileWorker(): string {
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(join(buildDir, 'package.json'), '{ "type": "module" }\n');
  const tsconfig = join(buildDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(serverDir, '..', '..', 'tsconfig.base.json'),
      compilerOptions: {
        outDir: buildDir,
        rootDir: serverDir,
        noEmit: false,
        noCheck: true,
        declaration: false,
        sourceMap: false,
        types: ['node'],
      },
      files: [join(serverDir, 'bench', 'import-worker.ts')],
    }),
  );
  execFileSync(process.execPath, [join(serverDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], {
    stdio: 'inherit',
  });
  return join(buildDir, 'bench', 'import-worker.js');
}

/** One run of the worker in a fresh process; `nodeFlags` such as a heap cap go to that process. */
function measure(
  worker: string,
  mode: 'parse' | 'import',
  file: string,
  database?: string,
  nodeFlags: string[] = [],
): Measurement {
  const args = [...nodeFlags, worker, mode, file, ...(database ? [database] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(out) as Measurement;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const rate = (m: Measurement) => m.posts / m.seconds;

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-import-'));
try {
  const worker = compileWorker();
  const rows: [string, Measurement][] = [];
  for (const posts of [Math.round(POSTS / 10), POSTS]) {
    const file = join(dir, `disqus-${posts}.xml`);
    const started = performance.now();
    await generate(file, posts);
    console.log(
      `generated ${posts.toLocaleString('en')} posts: ${(statSync(file).size / MB).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    rows.push([`parse ${posts}`, measure(worker, 'parse', file)]);
    rows.push([`import ${posts}`, measure(worker, 'import', file, join(dir, `parley-${posts}.sqlite`))]);
    // The same import with V8's old generation capped: if it runs at the same speed, the working
    // set is small and constant, and the default peak is V8 sizing its heap to the memory it has.
    rows.push([
      `import ${posts} (old space capped at ${HEAP_CAP_MB} MB)`,
      measure(worker, 'import', file, join(dir, `parley-${posts}-capped.sqlite`), [`--max-old-space-size=${HEAP_CAP_MB}`]),
    ]);
    rmSync(file);
  }
  console.log('\n| run | posts | seconds | posts/s | RSS after loading | peak RSS (sampled) | peak RSS (getrusage) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, m] of rows) {
    console.log(
      `| ${name.replace(/ \d+/, '')} | ${m.posts.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${Math.round(rate(m)).toLocaleString('en')} | ${mb(m.baseRss)} | ${mb(m.peakRss)} | ${mb(m.maxRss)} |`,
    );
  }
  const [, smallImport] = rows[1] as [string, Measurement];
  const [, smallCapped] = rows[2] as [string, Measurement];
  const [, bigParse] = rows[3] as [string, Measurement];
  const [, bigImport] = rows[4] as [string, Measurement];
  const [, bigCapped] = rows[5] as [string, Measurement];
  console.log(`\nimport/parse rate at ${POSTS.toLocaleString('en')} posts: ${(rate(bigImport) / rate(bigParse)).toFixed(2)}`);
  console.log(
    `peak RSS, ${POSTS.toLocaleString('en')} vs ${Math.round(POSTS / 10).toLocaleString('en')} posts: ${(bigImport.maxRss / smallImport.maxRss).toFixed(2)}× by default, ${(bigCapped.maxRss / smallCapped.maxRss).toFixed(2)}× with the heap cap`,
  );
  console.log(
    `capped/default import rate at ${POSTS.toLocaleString('en')} posts: ${(rate(bigCapped) / rate(bigImport)).toFixed(2)}`,
  );
  if (bigImport.posts !== POSTS || bigCapped.posts !== POSTS || bigImport.maxRss >= 250 * MB || bigCapped.maxRss >= 200 * MB) {
    console.error(`FAIL: expected ${POSTS} posts imported, peak RSS under 250 MB by default and 200 MB capped`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
