#!/usr/bin/env node
// `pnpm size`: the embed budgets (issue 6), measured on the script-tag build a page really loads
// (packages/widget/dist/cdn, from `pnpm --filter @parley/widget build`), each file gzipped on its
// own as the server sends it: the size of the .gz file beside it (made at build time with Zopfli,
// see rollup.config.mjs; checked to decompress to the file). zlib's level 9 is printed beside it
// for comparison with figures measured before 2026-11-25 22:00 UTC.
//  - first load: embed.js, the entry chunk and its static imports, plus the page's locale table
//    for the share bar and counts (`i18n/locales/<lang>.share.js`); what a page downloads before
//    a <parley-comments> is near the viewport. Budget 12 KB.
//  - one locale: every file a page can load (all elements, every lazy chunk) with the locale
//    tables of other languages left out (a language's table is two files, `<lang>.share.js` and
//    the thread's `<lang>.js`; both count; English's thread table is `i18n/en.js`, its share bar
//    terms are built into the entry). Budget 20 KB.
// Both are given for English (no table to load) and for the largest locale. For comparison it
// prints Lit's own floor, one minimal element bundled with the same rollup + terser settings, and
// the comment server's fediverse share page (dist/cdn/share/), which the Mastodon link opens in a
// tab of its own: no article loads it, so it is in neither budget.
// Exits 1 when a budget is exceeded. Figures go in docs/performance.md (## Embed budgets).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET = 12 * 1024;
export const ONE_LOCALE_BUDGET = 20 * 1024;

const widgetDir = fileURLToPath(new URL('../packages/widget/', import.meta.url));
const cdn = join(widgetDir, 'dist/cdn');
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Sizes of one file: minified, gzip as served (`gz`, the bytes of its .gz sibling), zlib -9, brotli. */
function sizes(code, gz) {
  const buf = Buffer.from(code);
  if (gz && !gunzipSync(gz).equals(buf)) throw new Error('a .gz file does not match its .js file; rebuild');
  const zlib = gzipSync(buf, { level: 9 }).length;
  return {
    min: buf.length,
    gzip: gz ? gz.length : zlib,
    zlib,
    br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** A built file's sizes, its served gzip read from the .gz beside it. */
const built = (path) => sizes(readFileSync(path), readFileSync(`${path}.gz`));

const ZERO = { min: 0, gzip: 0, zlib: 0, br: 0 };
const sum = (list) =>
  list.reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip, zlib: a.zlib + s.zlib, br: a.br + s.br }), ZERO);

/** Lit's minimal element, bundled and minified like the embed build. */
async function litFloor() {
  const require = createRequire(join(widgetDir, 'package.json'));
  const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
  const { rollup } = await load('rollup');
  const { nodeResolve } = await load('@rollup/plugin-node-resolve');
  const terser = (await load('@rollup/plugin-terser')).default;
  const input = join(widgetDir, 'dist/.size-budget-lit-floor.js');
  writeFileSync(
    input,
    "import { LitElement, css, html } from 'lit';\nimport { property } from 'lit/decorators.js';\n" +
      'class X extends LitElement { static properties = { n: {} }; static styles = css`:host{display:block}`; ' +
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a Lit template, written to a file
      'render() { return html`<p>${this.n}</p>`; } }\n' +
      "customElements.define('x-floor', X);\nexport { property };\n",
  );
  try {
    const bundle = await rollup({
      input,
      onwarn: () => {},
      plugins: [
        nodeResolve({ browser: true, rootDir: widgetDir }),
        terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      ],
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const { gzipAsync } = await load('@gfx/zopfli');
    const code = output[0].code;
    return sizes(code, Buffer.from(await gzipAsync(Buffer.from(code), { numiterations: 15 })));
  } finally {
    rmSync(input, { force: true });
  }
}

function measure() {
  const graph = JSON.parse(readFileSync(join(widgetDir, 'dist/cdn-chunks.json'), 'utf8'));
  const file = (name) => built(join(cdn, graph.dir, name));
  const loader = built(join(cdn, graph.loader));
  const chunks = Object.fromEntries(Object.keys(graph.chunks).map((name) => [name, file(name)]));
  // `i18n/en.js` is English's thread table (other languages' pages never load it).
  const tableOf = (name) => /^i18n\/(?:locales\/([\w-]+)|(en))(\.share)?\.js$/.exec(graph.chunks[name].module ?? '');
  const localeOf = (name) => tableOf(name)?.[1] ?? tableOf(name)?.[2];
  const locales = Object.keys(graph.chunks).filter(localeOf);

  const firstLoad = new Set();
  const visit = (name) => {
    if (firstLoad.has(name)) return;
    firstLoad.add(name);
    for (const dep of graph.chunks[name].imports) visit(dep);
  };
  visit(graph.entry);

  const initial = sum([loader, ...[...firstLoad].map((n) => chunks[n])]);
  const everything = sum([
    loader,
    ...Object.keys(chunks)
      .filter((n) => !localeOf(n))
      .map((n) => chunks[n]),
  ]);
  // Per language: `first` is the table the share bar and counts load, `table` all of it.
  const none = ZERO;
  const byLang = new Map([['en', { lang: 'en', first: none, table: none }]]);
  for (const name of locales) {
    const lang = localeOf(name);
    const row = byLang.get(lang) ?? { lang, first: none, table: none };
    if (tableOf(name)[3] === '.share') row.first = sum([row.first, chunks[name]]);
    row.table = sum([row.table, chunks[name]]);
    byLang.set(lang, row);
  }
  const rows = [...byLang.values()];
  const largest = rows.reduce((a, r) => (r.table.gzip > a.table.gzip ? r : a));
  const largestFirst = rows.reduce((a, r) => (r.first.gzip > a.first.gzip ? r : a));
  return { loader, chunks, firstLoad, initial, everything, en: rows[0], largest, largestFirst, graph, tableOf };
}

/**
 * The fediverse share page's download for its largest locale: the script `share/fediverse.html`
 * names, the chunks it imports and one `<lang>.fediverse.*.js` table (files of earlier builds,
 * kept a day beside them, are not counted); undefined when not built.
 */
function sharePage() {
  const dir = join(cdn, 'share');
  const html = join(dir, 'fediverse.html');
  if (!existsSync(html)) return undefined;
  const entry = /src="([\w.-]+\.js)"/.exec(readFileSync(html, 'utf8'))?.[1];
  if (!entry) throw new Error('share/fediverse.html names no script');
  const imported = [...readFileSync(join(dir, entry), 'utf8').matchAll(/["']\.\/([\w.-]+\.js)["']/g)].map((m) => m[1]);
  const table = /^([\w-]+)\.fediverse\.\w+\.js$/;
  const code = sum([entry, ...new Set(imported.filter((f) => !table.test(f)))].map((f) => built(join(dir, f))));
  const largest = imported
    .filter((f) => table.test(f))
    .map((f) => ({ lang: table.exec(f)[1], size: built(join(dir, f)) }))
    .reduce((a, t) => (t.size.gzip > a.size.gzip ? t : a), { lang: 'en', size: ZERO });
  return { lang: largest.lang, size: sum([code, largest.size]) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let m;
  try {
    m = measure();
  } catch (err) {
    console.error(`No widget build to measure (${err.message}); run \`pnpm --filter @parley/widget build\` first.`);
    process.exit(2);
  }
  const floor = await litFloor();
  const line = (label, s) =>
    console.log(
      `${label.padEnd(52)}${kb(s.min).padStart(10)} min${kb(s.gzip).padStart(10)} gzip${kb(s.zlib).padStart(10)} zlib-9${kb(s.br).padStart(10)} br`,
    );
  console.log('Files (each compressed on its own, as sent):');
  line('  embed.js (loader)', m.loader);
  for (const [name, s] of Object.entries(m.chunks).sort((a, b) => b[1].gzip - a[1].gzip)) {
    const table = m.tableOf(name);
    const part = table?.[3] ? 'first load' : 'thread';
    const why = m.firstLoad.has(name) ? 'first load' : table ? `locale, ${part}` : 'lazy';
    line(`  embed/${name} (${why})`, s);
  }
  console.log('');
  line("Lit's floor (one minimal element)", floor);
  const firstEn = sum([m.initial, m.en.first]);
  const firstMax = sum([m.initial, m.largestFirst.first]);
  const allEn = sum([m.everything, m.en.table]);
  const allMax = sum([m.everything, m.largest.table]);
  line('First load, English page', firstEn);
  line(`First load, largest locale (${m.largestFirst.lang})`, firstMax);
  line('Everything for one locale, English', allEn);
  line(`Everything for one locale, largest (${m.largest.lang})`, allMax);
  const page = sharePage();
  if (page) line(`Fediverse share page, not on the article (${page.lang})`, page.size);
  console.log('');
  const checks = [
    ['first load (before the thread is near the viewport)', firstMax.gzip, FIRST_LOAD_BUDGET],
    ['everything for one locale', allMax.gzip, ONE_LOCALE_BUDGET],
  ];
  let over = 0;
  for (const [what, size, budget] of checks) {
    const ok = size <= budget;
    if (!ok) over++;
    console.log(
      `${ok ? 'ok  ' : 'OVER'}  ${what}: ${kb(size)} of ${kb(budget)} gzip${ok ? '' : ` (over by ${size - budget} bytes)`}`,
    );
  }
  process.exit(over ? 1 : 0);
}
