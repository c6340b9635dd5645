// The script-tag build in dist/cdn/ (the npm build is tsc's unbundled ESM in dist/, where Lit
// stays a dependency). Two passes, run in order by rollup:
//  1. ES modules from dist/embed.js into dist/cdn/embed/, every file named by its content hash:
//     the entry (Lit, share bar, counts), the comment thread chunk, one chunk per locale.
//  2. dist/cdn/embed.js, the classic loader a page includes, told the entry's hashed name.
// Every .js file gets .gz and .br siblings for the server to send as they are; stale hashed
// files from earlier builds are removed after a day. docs/embedding.md explains the design.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const CDN = 'dist/cdn';
const CHUNKS = `${CDN}/embed`;
const PLACEHOLDER = '__PARLEY_ENTRY__';
let entryFile = '';

// tsc's decorator helper reads top-level `this`; harmless in a module, so not worth a warning.
const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
};

/** Writes .gz and .br beside each emitted .js file, at the highest levels (built once, sent often). */
const precompress = () => ({
  name: 'parley-precompress',
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle).filter((f) => f.endsWith('.js'))) {
      const path = join(options.dir ?? CDN, file);
      const code = bundle[file].code;
      writeFileSync(`${path}.gz`, gzipSync(code, { level: 9 }));
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
    // Files of earlier builds stay a day: a page holding an older embed.js (cached up to 5 min)
    // still finds its chunks, and so does a test running while someone rebuilds.
    const keep = new Set(Object.keys(bundle).flatMap((f) => [f, `${f}.gz`, `${f}.br`]));
    const dayAgo = Date.now() - 86_400_000;
    for (const f of readdirSync(CHUNKS)) {
      if (!keep.has(f) && statSync(join(CHUNKS, f)).mtimeMs < dayAgo) rmSync(join(CHUNKS, f));
    }
  },
});

const minify = (module) => terser({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: false } });

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
      sourcemap: true,
    },
    plugins: [nodeResolve({ browser: true }), minify(true), chunkGraph(), precompress()],
  },
  {
    onwarn,
    input: 'dist/embed-loader.js',
    output: { dir: CDN, format: 'iife', entryFileNames: 'embed.js', sourcemap: true },
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
