import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { openSqlite } from '../storage/sqlite/open.js';
import { ORIGIN } from '../test-support.js';
import { startServerProcess } from '../testing/server-process.js';
import { SseReader } from '../testing/sse.js';

test('SIGTERM: live readers are told to reconnect, a request under way finishes, the process exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-shutdown-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'parley.sqlite');
  const storage = await openSqlite(file);
  await storage.createSite(buildSite({ id: 'demo', origins: [ORIGIN], settings: { requireFormToken: false } }, Date.now()));
  await storage.close();
  const server = await startServerProcess({ PARLEY_DATABASE_URL: `sqlite:${file}` });
  after(() => server.stop());

  const res = await fetch(`${server.url}/api/v1/events?site=demo&page=/p`, { headers: { origin: ORIGIN } });
  assert.equal(res.status, 200);
  const reader = new SseReader(res.body as ReadableStream<Uint8Array>);
  await reader.event('ready');

  // A POST whose body is still arriving when the signal comes. `Expect: 100-continue` makes the
  // server say when it has read the head: only then is the request under way on its side (a
  // connection whose head it has not read yet is idle, and shutting down closes idle ones).
  const body = JSON.stringify({ site: 'demo', page: '/p', body: 'sent across the shutdown' });
  const half = Math.floor(body.length / 2);
  const { host, port } = new URL(server.url);
  const req = request({
    host: host.split(':')[0],
    port,
    method: 'POST',
    path: '/api/v1/comments',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const posted = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (r) => {
      let text = '';
      r.on('data', (d: Buffer) => {
        text += d.toString();
      });
      r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  const headRead = new Promise((resolve) => req.once('continue', resolve));
  req.flushHeaders();
  await headRead;
  req.write(body.slice(0, half));
  server.child.kill('SIGTERM');

  // The readers' goodbye shows the server is shutting down; only then does the body finish.
  const bye = await reader.until((f) => f.retry !== undefined);
  assert.equal(bye.retry, 1000, 'readers are asked to come back after a second (to another instance)');
  assert.equal(await reader.next(), undefined, 'the stream ends');
  req.end(body.slice(half));
  const answer = await posted;
  assert.equal(answer.status, 201, answer.text);
  assert.equal(await server.exited, 0, server.output());
  await assert.rejects(fetch(`${server.url}/healthz`), 'no longer accepting');

  const reopened = await openSqlite(file);
  after(() => reopened.close());
  const page = await reopened.getPage('demo', '/p');
  assert.ok(page, 'the comment posted across the shutdown was stored');
});
