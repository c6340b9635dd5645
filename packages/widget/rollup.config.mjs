// The script-tag build in dist/cdn/ (the npm build is tsc's unbundled ESM in dist/, where Lit
// stays a dependency). Three passes, run in order by rollup:
//  1. ES modules from dist/embed.js into dist/cdn/embed/, every file named by its content hash:
//     the entry (Lit, share bar, counts), the comment thread chunk, one chunk per locale.
//  2. dist/cdn/share/, the comment server's fediverse share page: its script (with its own Lit and
//     one chunk per locale) and fediverse.html naming it. No article downloads any of it.
//  3. dist/cdn/embed.js, the classic loader a page includes, told the entry's hashed name.
// Every .js file gets .gz and .br siblings for the server to send as they are (the .gz made with
// Zopfli, gzip-compatible and 3-4% smaller than zlib's level 9); stale hashed files from earlier
// builds are removed after a day. docs/embedding.md explains the design.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const CDN = 'dist/cdn';
const CHUNKS = `${CDN}/embed`;
const SHARE = `${CDN}/share`;
const PLACEHOLDER = '__PARLEY_ENTRY__';
let entryFile = '';

// tsc's decorator helper reads top-level `this`; harmless in a module, so not worth a warning.
const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
};

/**
 * The gzip file the server sends: Zopfli's deflate (a slow, exhaustive encoder any gzip reader
 * decodes), built once and sent often. scripts/size-budget.mjs measures these files.
 */
export const zopfliGzip = (code) => gzipAsync(Buffer.from(code), { numiterations: 15 });

/** Writes .gz and .br beside each emitted .js file, at the highest levels (built once, sent often). */
const precompress = () => ({
  name: 'parley-precompress',
  async writeBundle(options, bundle) {
    for (const file of Object.keys(bundle).filter((f) => f.endsWith('.js'))) {
      const path = join(options.dir ?? CDN, file);
      const code = bundle[file].code;
      writeFileSync(`${path}.gz`, await zopfliGzip(code));
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: 1 } }),
      );
    }
  },
});

/** Records the entry's name and the chunk graph (dist/cdn-chunks.json, read by scripts/size-budget.mjs). */
const chunkGraph = () => ({
  name: 'parley-chunk-graph',
  writeBundle(_options, bundle) {
    const chunks = {};
    for (const [file, out] of Object.entries(bundle)) {
      if (out.type !== 'chunk') continue;
      if (out.isEntry) entryFile = file;
      chunks[file] = {
        entry: out.isEntry,
        module: out.facadeModuleId ? out.facadeModuleId.replace(/^.*\/dist\//, '') : null,
        imports: out.imports,
        dynamicImports: out.dynamicImports,
      };
    }
    writeFileSync(
      'dist/cdn-chunks.json',
      `${JSON.stringify({ loader: 'embed.js', dir: 'embed', entry: entryFile, chunks }, null, 2)}\n`,
    );
    removeStale(CHUNKS, bundle);
  },
});

/**
 * Removes the files of earlier builds from `dir` once they are a day old: a page holding an older
 * embed.js (cached up to 5 min) still finds its chunks, and so does a test running while someone
 * rebuilds. `keep` names files of this build that rollup did not emit.
 */
function removeStale(dir, bundle, keep = []) {
  const current = new Set([...keep, ...Object.keys(bundle).flatMap((f) => [f, `${f}.gz`, `${f}.br`])]);
  const dayAgo = Date.now() - 86_400_000;
  for (const f of readdirSync(dir)) {
    if (!current.has(f) && statSync(join(dir, f)).mtimeMs < dayAgo) rmSync(join(dir, f));
  }
}

/**
 * Writes `share/fediverse.html`, the shell of the comment server's fediverse share page (served
 * at `/share/fediverse` with its own Content-Security-Policy), naming the page script's hashed
 * file. Static and the same for every language: the script sets the language and title.
 */
const sharePage = () => ({
  name: 'parley-share-page',
  writeBundle(options, bundle) {
    const script = Object.keys(bundle).find((f) => bundle[f].type === 'chunk' && bundle[f].isEntry);
    if (!script) this.error('the share page build has no entry');
    writeFileSync(
      join(options.dir, 'fediverse.html'),
      `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Share on Mastodon or another fediverse server</title>
<link rel="icon" href="data:,">
<script type="module" src="${script}"></script>
<main></main>
`,
    );
    removeStale(options.dir, bundle, ['fediverse.html']);
  },
});

const minify = (module) =>
  terser({
    ecma: 2022,
    module,
    toplevel: module,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
    format: { comments: false },
  });

/**
 * Collapses the whitespace of a CSS text: comments, indentation and spaces around punctuation
 * (never the space before `:`, a descendant combinator in `.a :is(b)`).
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Collapses the whitespace of an HTML template part: a run of whitespace that holds a line break
 * (source indentation) goes when it touches a tag or the template's start or end, else becomes one
 * space (between an interpolation and an attribute, `.value=${x} aria-x=`, the space matters).
 * Text on one line keeps its spaces, so words and inline elements written side by side render as
 * before; no template puts line breaks inside a <pre> or <textarea>.
 */
export function minifyHtml(text, first, last) {
  return text.replace(/\s*\n\s*/g, (ws, at, all) => {
    const before = at === 0 ? (first ? '>' : '') : all[at - 1];
    const after = at + ws.length === all.length ? (last ? '<' : '') : all[at + ws.length];
    return before === '>' || after === '<' ? '' : ' ';
  });
}

/**
 * Minifies the text of Lit's css`` and html`` / svg`` templates at build time. Interpolations
 * stay untouched; only the literal parts change. (A part made only of whitespace between two
 * interpolations keeps one space when it has no line break.)
 */
const minifyTemplates = () => ({
  name: 'parley-minify-templates',
  transform(code, id) {
    if (!/\b(html|css|svg)\s*`/.test(code) || id.includes('node_modules')) return null;
    const edits = [];
    const walk = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && /^(html|css|svg)$/.test(node.tag.name)) {
        const quasis = node.quasi.quasis;
        quasis.forEach((q, i) => {
          const raw = code.slice(q.start, q.end);
          const out =
            node.tag.name === 'css'
              ? quasis.length === 1
                ? minifyCss(raw)
                : minifyCssPart(raw)
              : minifyHtml(raw, i === 0, i === quasis.length - 1);
          if (out !== raw) edits.push([q.start, q.end, out]);
        });
      }
      for (const key of Object.keys(node)) {
        const v = node[key];
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object' && key !== 'loc') walk(v);
      }
    };
    walk(this.parse(code));
    if (!edits.length) return null;
    edits.sort((a, b) => b[0] - a[0]);
    let out = code;
    for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
    return { code: out, map: null };
  },
});

/** A part of a css`` template with interpolations: only whitespace runs and comments shrink. */
function minifyCssPart(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, ' ');
}

export default [
  {
    onwarn,
    input: { embed: 'dist/embed.js' },
    // The loader uses no export; letting rollup extend the entry's exports avoids a facade chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: CHUNKS,
      format: 'es',
      entryFileNames: '[name].[hash].js',
      chunkFileNames: '[name].[hash].js',
      hashCharacters: 'hex',
      sourcemap: true,
    },
    plugins: [nodeResolve({ browser: true }), minifyTemplates(), minify(true), chunkGraph(), precompress()],
  },
  {
    // The fediverse share page's script: its own build with its own Lit, since no article loads it.
    onwarn,
    input: { fediverse: 'dist/share-fediverse-page.js' },
    output: {
      dir: SHARE,
      format: 'es',
      entryFileNames: '[name].[hash].js',
      chunkFileNames: '[name].[hash].js',
      hashCharacters: 'hex',
      sourcemap: true,
    },
    plugins: [nodeResolve({ browser: true }), minifyTemplates(), minify(true), sharePage(), precompress()],
  },
  {
    onwarn,
    input: 'dist/embed-loader.js',
    // Sloppy mode: the loader relies on nothing strict mode changes, so no "use strict" prologue.
    output: { dir: CDN, format: 'iife', entryFileNames: 'embed.js', sourcemap: true, strict: false },
    plugins: [
      {
        name: 'parley-entry-name',
        transform(code) {
          if (!entryFile) this.error('the module build ran first and names the entry');
          return { code: code.replace(PLACEHOLDER, `embed/${entryFile}`), map: null };
        },
      },
      minify(false),
      precompress(),
    ],
  },
];
