import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { backends } from '../../test-support.js';
import { createApp } from '../app.js';
import { SHARE_PAGE_CSP } from './share-page.js';

/** The fediverse share page and its scripts, served from the widget build's `share/` folder. */

const PAGE = '<!doctype html><title>Share</title><script type="module" src="fediverse.AbCd1234.js"></script>';
const SCRIPT = 'export const share = 1;'.repeat(20);
const LOCALE = 'export default { title: "Поширити" };';
const dir = mkdtempSync(join(tmpdir(), 'parley-share-page-'));
const bare = mkdtempSync(join(tmpdir(), 'parley-share-page-bare-'));
let app: ReturnType<typeof createApp>;
let unbuilt: ReturnType<typeof createApp>;

before(async () => {
  mkdirSync(join(dir, 'share'));
  mkdirSync(join(dir, 'embed'));
  writeFileSync(join(dir, 'embed.js'), 'import("./embed/embed.AbCd1234.js");');
  writeFileSync(join(dir, 'secret.txt'), 'no');
  writeFileSync(join(dir, 'share', 'fediverse.html'), PAGE);
  writeFileSync(join(dir, 'share', 'fediverse.AbCd1234.js'), SCRIPT);
  writeFileSync(join(dir, 'share', 'fediverse.AbCd1234.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(dir, 'share', 'fediverse.AbCd1234.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'share', 'fediverse.AbCd1234.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'share', 'zh-Hant.fediverse.AbCd1234.js'), LOCALE);
  writeFileSync(join(dir, 'share', 'uk.fediverse.AbCd1234.js'), LOCALE);
  writeFileSync(join(dir, 'share', 'uk.fediverse.AbCd1234.js.gz'), gzipSync(LOCALE));
  writeFileSync(join(dir, 'share', 'plain.js'), 'export {};');
  writeFileSync(join(dir, 'share', '.hidden.js'), 'export {};');
  // A widget build without the share page: only the loader.
  writeFileSync(join(bare, 'embed.js'), 'export {};');
  const storage = await backends[0]!.open();
  app = createApp({ storage, widgetDir: dir });
  unbuilt = createApp({ storage, widgetDir: bare });
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
});

async function assertNotFound(res: Response, label: string): Promise<void> {
  assert.equal(res.status, 404, label);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, label);
  assert.equal(((await res.json()) as { code: string }).code, 'not-found', label);
}

describe('share page routes', () => {
  test('/share/fediverse: the HTML shell under its own CSP, short cache, ETag, no CORS', async () => {
    const res = await app.request('/share/fediverse', { headers: { origin: 'https://blog.example' } });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), PAGE);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
    assert.match(res.headers.get('etag') ?? '', /^"[A-Za-z0-9_-]{27}"$/);
    assert.equal(
      res.headers.get('content-security-policy'),
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src https: http://localhost:* http://127.0.0.1:*; " +
        "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
        "require-trusted-types-for 'script'; trusted-types lit-html",
    );
    assert.equal(res.headers.get('content-security-policy'), SHARE_PAGE_CSP);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('content-encoding'), null);
  });

  test('/share/fediverse: 304 when the ETag matches, still under the CSP; HEAD has the headers only', async () => {
    const first = await app.request('/share/fediverse');
    const etag = first.headers.get('etag') ?? '';
    const again = await app.request('/share/fediverse', { headers: { 'if-none-match': `"other", W/${etag}` } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('content-security-policy'), SHARE_PAGE_CSP);
    const stale = await app.request('/share/fediverse', { headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.status, 200);
    assert.equal(await stale.text(), PAGE);
    const head = await app.request('/share/fediverse', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal(head.headers.get('content-security-policy'), SHARE_PAGE_CSP);
    assert.equal(await head.text(), '');
  });

  test('share scripts: brotli, then gzip, as the client accepts; Vary on Accept-Encoding', async () => {
    const br = await app.request('/share/fediverse.AbCd1234.js', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), SCRIPT);
    const gz = await app.request('/share/fediverse.AbCd1234.js', { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), SCRIPT);
    assert.notEqual(br.headers.get('etag'), gz.headers.get('etag'));
    const plain = await app.request('/share/fediverse.AbCd1234.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), SCRIPT);
    // A locale file with only a .gz sibling: brotli asked for first, gzip found.
    const uk = await app.request('/share/uk.fediverse.AbCd1234.js', { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(uk.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await uk.arrayBuffer())).toString(), LOCALE);
    const revalidated = await app.request('/share/fediverse.AbCd1234.js', {
      headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.get('etag') ?? '' },
    });
    assert.equal(revalidated.status, 304);
  });

  test('share scripts: hashed names are immutable, others revalidated; maps are JSON', async () => {
    for (const name of ['fediverse.AbCd1234.js', 'zh-Hant.fediverse.AbCd1234.js', 'uk.fediverse.AbCd1234.js']) {
      const res = await app.request(`/share/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', name);
    }
    const plain = await app.request('/share/plain.js');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('cache-control'), 'public, max-age=300, must-revalidate');
    const map = await app.request('/share/fediverse.AbCd1234.js.map');
    assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  test('nothing but share scripts under /share/: other names and traversal are a 404 problem', async () => {
    for (const path of [
      '/share/..',
      '/share/%2e%2e',
      '/share/%2e%2e%2fsecret.txt',
      '/share/..%2Fembed.js',
      '/share/..%2F..%2Fembed.js',
      '/share/a%2F..%2F..%2Fembed.js',
      '/share/fediverse.html',
      '/share/fediverse.AbCd1234.js/',
      '/share/x.js/',
      '/share/.hidden.js',
      '/share/missing.AbCd1234.js',
      '/share/fediverse.AbCd1234.js.br',
      '/share/',
      '/share/fediverse/',
    ]) {
      await assertNotFound(await app.request(path), path);
    }
  });

  test('a widget build without the share page: /share/fediverse is a 404 problem', async () => {
    await assertNotFound(await unbuilt.request('/share/fediverse'), '/share/fediverse');
    await assertNotFound(await unbuilt.request('/share/fediverse.AbCd1234.js'), 'script');
    assert.equal((await unbuilt.request('/embed.js')).status, 200);
  });
});
