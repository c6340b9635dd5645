import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { readConfig } from '../config.js';
import { type RunningServer, startServer } from '../server.js';
import { ORIGIN } from '../test-support.js';

// Slow clients against the real server (parley serve's startServer) on loopback, with its Node
// timeouts configured short so that each cut-off is seen within a second or two.
const HEADERS_MS = 400;
const REQUEST_MS = 800;
const KEEP_ALIVE_MS = 300;

let server: RunningServer;
let port: number;

before(async () => {
  process.env.PARLEY_SCRYPT_N ??= '1024';
  const config = {
    ...readConfig({
      PARLEY_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      PARLEY_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      PARLEY_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
      // An in-memory database cannot be durable; these checks are about sockets.
      PARLEY_ALLOW_UNSAFE_DURABILITY: '1',
    }),
    port: 0,
    databaseUrl: 'sqlite::memory:',
  };
  server = await startServer(config);
  port = Number(new URL(server.url).port);
});
after(() => server.close(100));

/** What a raw socket saw: everything the server sent, and when the server closed it. */
interface Seen {
  text: string;
  closedAfterMs: number;
}

/** Opens a socket, runs `drive` on it, and resolves when the server closes it (or after `limitMs`). */
function watch(drive: (s: Socket) => void, limitMs: number): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      text += d;
    });
    socket.on('error', () => {});
    const limit = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${limitMs} ms; got ${JSON.stringify(text.slice(0, 200))}`));
    }, limitMs);
    socket.on('close', () => {
      clearTimeout(limit);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
    socket.on('connect', () => drive(socket));
  });
}

/** Writes `line` every `everyMs` while the socket is open. */
function trickle(socket: Socket, line: string, everyMs: number): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) clearInterval(timer);
    else socket.write(line);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

describe('slow clients are cut off by the server timeouts', () => {
  test('readConfig: the timeouts have deliberate defaults and refuse a head timeout above the request one', () => {
    assert.deepEqual(readConfig({}).timeouts, { headersMs: 10_000, requestMs: 120_000, keepAliveMs: 5_000 });
    assert.throws(
      () => readConfig({ PARLEY_HEADERS_TIMEOUT_MS: '5000', PARLEY_REQUEST_TIMEOUT_MS: '1000' }),
      /must not exceed PARLEY_REQUEST_TIMEOUT_MS/,
    );
    assert.throws(() => readConfig({ PARLEY_KEEP_ALIVE_TIMEOUT_MS: 'soon' }), /PARLEY_KEEP_ALIVE_TIMEOUT_MS must be/);
  });

  test('headers trickled one line at a time (slowloris): 408 and closed after the head timeout', async () => {
    const seen = await watch((s) => {
      s.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
      trickle(s, 'X-Slow: 1\r\n', 50);
    }, 5_000);
    assert.match(seen.text, /^HTTP\/1\.1 408 /);
    assert.ok(seen.closedAfterMs >= HEADERS_MS - 50, `closed after ${seen.closedAfterMs} ms, before the timeout`);
  });

  test('a body trickled a byte at a time: 408 and closed after the request timeout', async () => {
    const seen = await watch((s) => {
      s.write(
        `POST /api/v1/comments HTTP/1.1\r\nHost: localhost\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n`,
      );
      trickle(s, ' ', 50);
    }, 5_000);
    assert.match(seen.text, /^HTTP\/1\.1 408 /);
    assert.ok(seen.closedAfterMs >= REQUEST_MS - 50, `closed after ${seen.closedAfterMs} ms, before the timeout`);
  });

  test('a body shorter than its Content-Length, then silence: cut off after the request timeout', async () => {
    const seen = await watch((s) => {
      s.write(
        `POST /api/v1/comments HTTP/1.1\r\nHost: localhost\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"site":`,
      );
    }, 5_000);
    assert.ok(seen.closedAfterMs >= REQUEST_MS - 50, `closed after ${seen.closedAfterMs} ms`);
    assert.doesNotMatch(seen.text, /^HTTP\/1\.1 [25]/, 'neither a success nor a server error');
  });

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const seen = await watch((s) => s.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n'), 5_000);
    assert.match(seen.text, /^HTTP\/1\.1 200 /);
    assert.ok(seen.closedAfterMs >= KEEP_ALIVE_MS - 50, `closed after ${seen.closedAfterMs} ms`);
  });

  test('an oversized body announced by Content-Length is refused (413) before it is sent', async () => {
    const seen = await watch((s) => {
      s.write(
        `POST /api/v1/comments HTTP/1.1\r\nHost: localhost\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\n`,
      );
    }, 5_000);
    // No byte of the body is ever sent, so an answer at all shows the refusal came before the
    // body; a server that waited for it would have cut the client off with a 408 instead.
    assert.match(seen.text, /^HTTP\/1\.1 413 /);
    assert.match(seen.text, /content-type: application\/problem\+json/i);
    assert.doesNotMatch(seen.text, / 408 /);
  });

  test('a quick client is served as usual', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
  });
});
