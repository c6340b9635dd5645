import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { backends } from '../../test-support.js';
import { createApp } from '../app.js';
import { ADMIN_CSP } from './admin-console.js';

/** The console's files: shell with its CSP and no-cache, hashed assets immutable and precompressed. */

const SHELL = '<!doctype html><script type="module" src="assets/admin.AbCd1234.js"></script><parley-admin></parley-admin>';
const ENTRY = 'export const a = 1;'.repeat(20);
const CSS = 'body{margin:0}';
const dir = mkdtempSync(join(tmpdir(), 'parley-admin-'));
let app: ReturnType<typeof createApp>;

before(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  writeFileSync(join(dir, 'assets', 'admin.AbCd1234.js'), ENTRY);
  writeFileSync(join(dir, 'assets', 'admin.AbCd1234.js.br'), brotliCompressSync(ENTRY));
  writeFileSync(join(dir, 'assets', 'admin.AbCd1234.js.gz'), gzipSync(ENTRY));
  writeFileSync(join(dir, 'assets', 'admin.AbCd1234.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'assets', 'shell.B4c5MUwT.css'), CSS);
  writeFileSync(join(dir, 'secret.txt'), 'no');
  const storage = await backends[0]!.open();
  app = createApp({ storage, adminDir: dir });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('admin console routes', () => {
  test('/admin redirects to /admin/, whose relative asset paths then resolve', async () => {
    const res = await app.request('/admin');
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), '/admin/');
  });

  test('the shell: HTML, strict CSP, no-cache with ETag revalidation, nosniff, no referrer, no framing', async () => {
    const res = await app.request('/admin/');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), SHELL);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(res.headers.get('content-security-policy'), ADMIN_CSP);
    const csp = ADMIN_CSP.split('; ');
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
    ]) {
      assert.ok(csp.includes(directive), directive);
    }
    assert.ok(!ADMIN_CSP.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    const etag = res.headers.get('etag')!;
    const again = await app.request('/admin/', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('hashed assets: immutable, brotli or gzip as accepted, right content types', async () => {
    const br = await app.request('/admin/assets/admin.AbCd1234.js', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.equal(br.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), ENTRY);
    const gz = await app.request('/admin/assets/admin.AbCd1234.js', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    const plain = await app.request('/admin/assets/admin.AbCd1234.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), ENTRY);
    const css = await app.request('/admin/assets/shell.B4c5MUwT.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(await css.text(), CSS);
    const map = await app.request('/admin/assets/admin.AbCd1234.js.map', { headers: { 'accept-encoding': 'br' } });
    assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(map.headers.get('content-encoding'), null);
  });

  test('anything else under /admin/assets/ is a 404 problem, never a file outside the folder', async () => {
    for (const path of [
      '/admin/assets/missing.AbCd1234.js',
      '/admin/assets/..%2Fsecret.txt',
      '/admin/assets/..%2Findex.html',
      '/admin/assets/.hidden.AbCd1234.js',
      '/admin/assets/admin.js',
      '/admin/index.html',
      '/admin/secret.txt',
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8', path);
    }
  });

  test('without a build the shell is a 404 problem saying so', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'parley-admin-empty-'));
    try {
      const bare = createApp({ storage: await backends[0]!.open(), adminDir: empty });
      const res = await bare.request('/admin/');
      assert.equal(res.status, 404);
      assert.match(((await res.json()) as { detail: string }).detail, /not built/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
