import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { backends, ORIGIN, problemOf, testApp } from '../../test-support.js';
import { MAX_BODY_BYTES } from './json-body.js';

/** Request bodies: JSON only (415), well-formed (400), and no larger than the limit (413). */

/** Sends a chunked POST (no Content-Length) of `size` bytes to a listening server. */
function postChunked(port: number, size: number): Promise<{ status: number; type: string; body: string }> {
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      },
    );
    // The server may answer and close before the whole body is sent; that is the point.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    const chunk = `{"site":"demo","page":"/big","body":"${'x'.repeat(size)}"}`;
    let sent = 0;
    const pump = () => {
      while (sent < chunk.length) {
        const part = chunk.slice(sent, sent + 8192);
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
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
        const res = await postChunked(port, MAX_BODY_BYTES * 2);
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
