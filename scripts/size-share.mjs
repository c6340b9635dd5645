#!/usr/bin/env node
// `pnpm size:share`: the share bar loaded on its own, Lit included, bundled from the npm build
// (packages/widget/dist/parley-share.js) with rollup + terser like the script-tag build, then
// gzipped (level 9). Prints it beside Lit's own minimal element measured the same way, so the
// figure is read as "Lit + what the share bar adds". Fails above the 10 KB budget (issue 5).
// Run `pnpm --filter @parley/widget build` first. Locale tables are separate chunks loaded only
// for other languages, so the entry chunk is what an English page downloads.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const SHARE_BUDGET_BYTES = 10 * 1024;

const widgetDir = fileURLToPath(new URL('../packages/widget/', import.meta.url));
const require = createRequire(`${widgetDir}package.json`);
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

/**
 * Bundles `input` (an ES module file) alone and returns the minified and gzipped sizes of the
 * chunk it starts; dynamic imports stay separate chunks and are listed, not counted.
 */
export async function measureBundle(input) {
  const { rollup } = await load('rollup');
  const { nodeResolve } = await load('@rollup/plugin-node-resolve');
  const terser = (await load('@rollup/plugin-terser')).default;
  const bundle = await rollup({
    input,
    // As an app bundler would: the entry may export more than it declares, so no facade chunk.
    preserveEntrySignatures: 'allow-extension',
    onwarn: (w, warn) => w.code !== 'THIS_IS_UNDEFINED' && warn(w),
    plugins: [
      nodeResolve({ browser: true, rootDir: widgetDir }),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  // What the page must load before the element works: the entry and its static imports.
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
  const eager = new Set();
  const visit = (name) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const dep of chunks.get(name).imports) visit(dep);
  };
  visit([...chunks.values()].find((o) => o.isEntry).fileName);
  const code = [...eager].map((n) => chunks.get(n).code);
  const lazy = [...chunks.values()].filter((o) => !eager.has(o.fileName));
  return {
    min: code.reduce((sum, c) => sum + Buffer.byteLength(c), 0),
    // Each file is its own response, so each is gzipped on its own.
    gzip: code.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
    lazy: lazy.map((o) => ({ name: o.fileName, gzip: gzipSync(o.code, { level: 9 }).length })),
  };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const bytes = (n) => `${n} B`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const baselineFile = `${widgetDir}dist/.size-lit-baseline.js`;
  writeFileSync(
    baselineFile,
    "import { LitElement, css, html } from 'lit';\n" +
      'class X extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>x</p>`; } }\n' +
      "customElements.define('x-lit-baseline', X);\n",
  );
  try {
    const lit = await measureBundle(baselineFile);
    const share = await measureBundle(`${widgetDir}dist/parley-share.js`);
    console.log(`Lit alone (one minimal element)   ${kb(lit.min).padStart(9)} min   ${kb(lit.gzip).padStart(9)} gzip`);
    console.log(
      `<parley-share> with Lit           ${kb(share.min).padStart(9)} min   ${kb(share.gzip).padStart(9)} gzip (${bytes(share.gzip)})`,
    );
    console.log(
      `  of which the share bar          ${kb(share.min - lit.min).padStart(9)} min   ${kb(share.gzip - lit.gzip).padStart(9)} gzip`,
    );
    for (const chunk of share.lazy) {
      console.log(`  loaded later: ${chunk.name.padEnd(32)}${kb(chunk.gzip).padStart(9)} gzip`);
    }
    console.log(
      `budget                                          ${kb(SHARE_BUDGET_BYTES).padStart(9)} gzip (${bytes(SHARE_BUDGET_BYTES)})`,
    );
    if (share.gzip > SHARE_BUDGET_BYTES) {
      console.error(`over budget by ${share.gzip - SHARE_BUDGET_BYTES} bytes`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(baselineFile, { force: true });
  }
}
