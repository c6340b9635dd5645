#!/usr/bin/env node
// `pnpm size:profile`: where the bytes of the script-tag build go, per source module (issue 6).
// For every chunk of the last build (dist/cdn-chunks.json; locale tables left out) it maps each
// minified character to its source module through the chunk's source map, then gives each module
// its share of the gzipped chunk: the chunk's zlib-9 size minus that of the chunk with the
// module's characters removed. Shares do not add up to the chunk (gzip's matches cross modules),
// but they rank what a change could save. docs/performance.md ("Embed budgets") quotes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../packages/widget/dist/', import.meta.url));
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Each line of a source map's `mappings` as [column, source index] segments (source -1: none). */
function segments(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((seg) => {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const ch of seg) {
          const digit = B64.indexOf(ch);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += values[0];
        if (values.length > 1) source += values[1];
        return [column, values.length > 1 ? source : -1];
      });
  });
}

/** Each module's characters in a minified chunk, by its source map. */
function owners(code, map) {
  const lines = code.split('\n');
  const byModule = new Map();
  let offset = 0;
  segments(map.mappings).forEach((segs, i) => {
    const line = lines[i] ?? '';
    segs.forEach(([column, source], j) => {
      const end = j + 1 < segs.length ? segs[j + 1][0] : line.length;
      const name = source < 0 ? '(glue)' : map.sources[source].replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
      const spans = byModule.get(name) ?? [];
      spans.push([offset + column, offset + end]);
      byModule.set(name, spans);
    });
    offset += line.length + 1;
  });
  return byModule;
}

const graph = JSON.parse(readFileSync(join(dist, 'cdn-chunks.json'), 'utf8'));
for (const [file, chunk] of Object.entries(graph.chunks)) {
  if (/^i18n\/(locales\/|en\.js)/.test(chunk.module ?? '')) continue;
  const path = join(dist, 'cdn', graph.dir, file);
  const code = readFileSync(path, 'utf8');
  const total = gz(code);
  console.log(`\n${file}: ${code.length} B minified, ${total} B zlib-9`);
  const rows = [...owners(code, JSON.parse(readFileSync(`${path}.map`, 'utf8')))].map(([name, spans]) => {
    const mask = new Uint8Array(code.length);
    for (const [a, b] of spans) mask.fill(1, a, b);
    let rest = '';
    for (let i = 0; i < code.length; i++) if (!mask[i]) rest += code[i];
    return [name, code.length - rest.length, total - gz(rest)];
  });
  for (const [name, min, share] of rows.sort((a, b) => b[2] - a[2])) {
    console.log(`${String(share).padStart(8)} B gz ${String(min).padStart(8)} B min  ${name}`);
  }
}
