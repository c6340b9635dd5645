// The console's build: tsc's ES modules in dist/js/ bundled (Lit included) into dist/assets/,
// every file named by its content hash, plus dist/index.html, the shell the server sends at
// /admin, which names the hashed entry and stylesheet. Like the widget's build
// (packages/widget/rollup.config.mjs), every .js and .css file gets .gz and .br siblings for the
// server to send as they are, and hashed files of earlier builds are removed after a day.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ASSETS = 'dist/assets';

/** Writes .gz and .br beside each emitted .js and .css file, at the highest levels. */
const precompress = () => ({
  name: 'parley-precompress',
  writeBundle(options, bundle) {
    for (const [file, out] of Object.entries(bundle)) {
      if (!/\.(js|css)$/.test(file)) continue;
      const path = join(options.dir ?? ASSETS, file);
      const code = out.type === 'chunk' ? out.code : out.source;
      writeFileSync(`${path}.gz`, gzipSync(code, { level: 9 }));
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: 1 } }),
      );
    }
  },
});

/**
 * Emits the page stylesheet (src/shell.css) as a hashed asset and writes dist/index.html naming
 * it and the entry chunk. The shell holds no inline script or style, so the console's CSP can
 * forbid both.
 */
const shell = () => {
  let css = '';
  return {
    name: 'parley-admin-shell',
    buildStart() {
      css = this.emitFile({ type: 'asset', name: 'shell.css', source: readFileSync('src/shell.css', 'utf8') });
    },
    writeBundle(_options, bundle) {
      const entry = Object.values(bundle).find((o) => o.type === 'chunk' && o.isEntry);
      const html = [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        '<title>Parley admin</title>',
        '<link rel="icon" href="data:,">',
        `<link rel="stylesheet" href="assets/${this.getFileName(css)}">`,
        `<script type="module" src="assets/${entry.fileName}"></script>`,
        '</head>',
        '<body>',
        '<parley-admin></parley-admin>',
        '<noscript>The Parley admin console needs JavaScript.</noscript>',
        '</body>',
        '</html>',
        '',
      ].join('\n');
      writeFileSync('dist/index.html', html);
      const keep = new Set(Object.keys(bundle).flatMap((f) => [f, `${f}.gz`, `${f}.br`]));
      const dayAgo = Date.now() - 86_400_000;
      for (const f of readdirSync(ASSETS)) {
        if (!keep.has(f) && statSync(join(ASSETS, f)).mtimeMs < dayAgo) rmSync(join(ASSETS, f));
      }
    },
  };
};

export default {
  input: { admin: 'dist/js/main.js' },
  onwarn(warning, warn) {
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
  output: {
    dir: ASSETS,
    format: 'es',
    entryFileNames: '[name].[hash].js',
    chunkFileNames: '[name].[hash].js',
    assetFileNames: '[name].[hash][extname]',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    terser({ ecma: 2022, module: true, toplevel: true, format: { comments: false } }),
    shell(),
    precompress(),
  ],
};
