import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { backends, ORIGIN, problemOf, testApp } from '../../test-support.js';
import { MAX_BODY_BYTES } from './json-body.js';

/** Request bodies: JSON only (415), well-formed (400), and no larger than the limit (413). */

/**
 * Sends a chunked POST (no Content-Length) of a `size`-character body to a listening server. With
 * `end: false` it sends the bytes and then waits for the answer without ending the body: the
 * server must answer from what it has counted. (Writing on after the server answered and closed
 * ends in EPIPE or a reset that can discard the answer unread, a race that hung this test.)
 */
function postChunked(port: number, size: number, { end = true } = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/comments',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', origin: ORIGIN },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body });
          req.destroy();
        });
      },
    );
    req.on('error', reject);
    // A server that waits for the end of a body it should already refuse fails the test here.
    req.setTimeout(15_000, () => req.destroy(new Error('no answer before the body ended')));
    const text = `{"site":"demo","page":"/big","body":"${'x'.repeat(size)}"}`;
    let sent = 0;
    const pump = () => {
      while (sent < text.length) {
        const part = text.slice(sent, sent + 8192);
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      if (end) req.end();
    };
    pump();
  });
}

for (const backend of backends) {
  describe(`JSON bodies on ${backend.name}`, () => {
    test('a body that is not JSON is 415 and nothing is written', async () => {
      const t = await testApp(backend);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
        const res = await t.app.request('/api/v1/comments', {
          method: 'POST',
          headers: { origin: ORIGIN, ...(type ? { 'content-type': type } : {}) },
          body: JSON.stringify({ site: 'demo', page: '/a', body: 'x' }),
        });
        assert.equal(res.status, 415, String(type));
        assert.equal((await problemOf(res)).code, 'unsupported-media-type');
      }
      assert.equal(await t.storage.getPage('demo', '/a'), undefined);
      const charset = await t.send(
        'POST',
        '/api/v1/comments',
        { site: 'demo', page: '/a', body: 'x' },
        {
          'content-type': 'application/json; charset=utf-8',
        },
      );
      assert.equal(charset.status, 201);
    });

    test('malformed JSON is 400', async () => {
      const t = await testApp(backend);
      for (const body of ['{"site": "demo",', 'not json', '']) {
        const res = await t.send('POST', '/api/v1/comments', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal((await problemOf(res)).code, 'malformed-json');
      }
      const patch = await t.send('PATCH', '/api/v1/comments/abc', '{', { authorization: 'Bearer x' });
      assert.equal(patch.status, 400);
    });

    test('JSON that is not an object is 422', async () => {
      const t = await testApp(backend);
      for (const body of ['[]', '"text"', '42', 'null']) {
        const res = await t.send('POST', '/api/v1/comments', body);
        assert.equal(res.status, 422, body);
        assert.equal((await problemOf(res)).code, 'invalid-fields');
      }
    });

    test('a body over the limit with Content-Length is 413 and nothing is written', async () => {
      const t = await testApp(backend);
      const big = JSON.stringify({ site: 'demo', page: '/big', body: 'x'.repeat(MAX_BODY_BYTES) });
      const res = await t.send('POST', '/api/v1/comments', big, { 'content-length': String(Buffer.byteLength(big)) });
      assert.equal(res.status, 413);
      assert.equal((await problemOf(res)).code, 'payload-too-large');
      assert.equal(await t.storage.getPage('demo', '/big'), undefined);
    });

    test('a chunked body over the limit, without Content-Length, is 413 over real HTTP', async () => {
      const t = await testApp(backend);
      const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
        const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      try {
        const { port } = server.address() as AddressInfo;
        const res = await postChunked(port, MAX_BODY_BYTES + 1, { end: false });
        assert.equal(res.status, 413);
        assert.equal(res.type, 'application/problem+json; charset=utf-8');
        assert.equal((JSON.parse(res.body) as { code: string }).code, 'payload-too-large');
        assert.equal(await t.storage.getPage('demo', '/big'), undefined);
        const small = await postChunked(port, 100);
        assert.equal(small.status, 201, 'a small chunked body is accepted');
      } finally {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
      }
    });
  });
}
