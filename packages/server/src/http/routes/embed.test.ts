import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { backends } from '../../test-support.js';
import { createApp } from '../app.js';
import { acceptedEncodings } from '../static-files.js';

/** The widget files: loader, hashed chunks, precompressed siblings, caching and revalidation. */

const LOADER = '!function(){import(new URL("embed/embed.AbCd1234.js",document.currentScript.src).href)}();';
const ENTRY = 'export const a = 1;'.repeat(20);
const dir = mkdtempSync(join(tmpdir(), 'parley-embed-'));
let app: ReturnType<typeof createApp>;

before(async () => {
  mkdirSync(join(dir, 'embed'));
  writeFileSync(join(dir, 'embed.js'), LOADER);
  writeFileSync(join(dir, 'embed.js.gz'), gzipSync(LOADER));
  writeFileSync(join(dir, 'embed.js.br'), brotliCompressSync(LOADER));
  writeFileSync(join(dir, 'embed', 'embed.AbCd1234.js'), ENTRY);
  writeFileSync(join(dir, 'embed', 'embed.AbCd1234.js.gz'), gzipSync(ENTRY));
  writeFileSync(join(dir, 'embed', 'embed.AbCd1234.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'embed', 'plain.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'no');
  const storage = await backends[0]!.open();
  app = createApp({ storage, widgetDir: dir });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('embed routes', () => {
  test('/embed.js: short cache, ETag, CORS, and 304 when revalidated', async () => {
    const res = await app.request('/embed.js');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), LOADER);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('vary'), 'Accept-Encoding');
    assert.equal(res.headers.get('content-encoding'), null);
    const etag = res.headers.get('etag');
    assert.match(etag ?? '', /^"[A-Za-z0-9_-]{27}"$/);

    const again = await app.request('/embed.js', { headers: { 'if-none-match': `"other", W/${etag}` } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), '');
    const changed = await app.request('/embed.js', { headers: { 'if-none-match': '"stale"' } });
    assert.equal(changed.status, 200);
  });

  test('brotli, then gzip, as the client accepts; each variant has its own ETag', async () => {
    const br = await app.request('/embed.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), LOADER);
    const gz = await app.request('/embed.js', { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), LOADER);
    assert.notEqual(br.headers.get('etag'), gz.headers.get('etag'));
    const revalidated = await app.request('/embed.js', {
      headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag') ?? '' },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('content-encoding'), 'br');
    // A chunk with only a .gz sibling: brotli asked for first, gzip found.
    const chunk = await app.request('/embed/embed.AbCd1234.js', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(chunk.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await chunk.arrayBuffer())).toString(), ENTRY);
  });

  test('hashed chunks are immutable; unhashed files and maps are not', async () => {
    const chunk = await app.request('/embed/embed.AbCd1234.js');
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('access-control-allow-origin'), '*');
    const map = await app.request('/embed/embed.AbCd1234.js.map');
    assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
    const plain = await app.request('/embed/plain.js');
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
  });

  test('nothing but widget files: other names and traversal are a 404 problem', async () => {
    for (const path of [
      '/embed/secret.txt',
      '/embed/..%2Fsecret.txt',
      '/embed/..%2Fembed.js',
      '/embed/a%2F..%2F..%2Fembed.js',
      '/embed/.hidden.js',
      '/embed/missing.AbCd1234.js',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
      assert.equal(((await res.json()) as { code: string }).code, 'not-found', path);
    }
  });

  test('Accept-Encoding parsing honours q=0 and ignores case and spaces', () => {
    assert.deepEqual([...acceptedEncodings(' GZIP ;q=0.5, br;q=0 ,identity')], ['gzip', 'identity']);
    assert.deepEqual([...acceptedEncodings(undefined)], []);
  });
});
