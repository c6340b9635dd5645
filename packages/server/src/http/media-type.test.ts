import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { backends, ORIGIN, problemOf } from '../test-support.js';
import { adminApp } from './admin/test-helpers.js';
import { jsonMediaType } from './media-type.js';

/**
 * Spellings of a JSON media type that RFC 9110 §8.3.1 allows: type and subtype are
 * case-insensitive, whitespace may surround `;`, parameters may repeat, be quoted or be empty
 * (`parameters = *( OWS ";" OWS [ parameter ] )`). Hono's OpenAPI validator refused the ones
 * with a space before `;`, a quoted `;` or a parameter name outside `[A-Za-z0-9-]`.
 */
const JSON_SPELLINGS = [
  'application/json ; charset=utf-8',
  'application/JSON',
  'Application/Json;Charset="UTF-8"',
  'application/json;\tcharset=utf-8 ;  foo=bar',
  'application/json; profile="https://example.com/a;b"; charset=utf-8',
  'application/json; my_param=1',
  'application/json;;;',
  'application/vnd.api+json ; ext=x',
];

/** Not JSON, or not a media type at all: a parameter without a value, an open quote, a space inside. */
const NOT_JSON = [
  'application/jsonx',
  'text/json',
  'text/plain',
  'application/json; charset',
  'application/json; charset="utf-8',
  'application /json',
  'application/json x',
  'application/json+foo',
];

describe('jsonMediaType', () => {
  test('every RFC 9110 spelling of a JSON type gives its lower-case essence', () => {
    assert.deepEqual(
      JSON_SPELLINGS.map((t) => jsonMediaType(t)),
      [
        'application/json',
        'application/json',
        'application/json',
        'application/json',
        'application/json',
        'application/json',
        'application/json',
        'application/vnd.api+json',
      ],
    );
  });

  test('other types and malformed values give undefined', () => {
    for (const type of [...NOT_JSON, '', undefined]) assert.equal(jsonMediaType(type), undefined, String(type));
  });
});

describe('JSON endpoints take every spelling of a JSON media type', () => {
  for (const type of JSON_SPELLINGS) {
    test(`POST and PATCH /api/v1/comments, PATCH /api/admin/sites as ${JSON.stringify(type)}`, async () => {
      const t = await adminApp(backends[0]!);
      const headers = { 'content-type': type };
      const posted = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'first' }, headers);
      assert.equal(posted.status, 201, await posted.clone().text());
      const { comment, editToken } = (await posted.json()) as { comment: { id: string }; editToken: string };
      const edited = await t.send(
        'PATCH',
        `/api/v1/comments/${comment.id}`,
        { body: 'second' },
        {
          ...headers,
          authorization: `Bearer ${editToken}`,
        },
      );
      assert.equal(edited.status, 200, await edited.clone().text());
      const site = await t.owner.req('PATCH', '/api/admin/sites/demo', { name: 'Renamed' }, headers);
      assert.equal(site.status, 200, await site.clone().text());
      assert.equal((await t.storage.getSite('demo'))?.name, 'Renamed');
    });
  }
});

test('over real HTTP (the Node adapter has its own Headers) a spaced JSON type is taken too', async () => {
  const t = await adminApp(backends[0]!);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/comments`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'Application/JSON ; charset=utf-8' },
      body: JSON.stringify({ site: 'demo', page: '/http', body: 'over the wire' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  }
});

// Found by the API fuzz (src/http/api-fuzz.test.ts): a JSON-like type that passed the JSON-body
// check but not the OpenAPI validator was answered 415 with the code `bad-request`.
describe('media types the JSON endpoints do not take', () => {
  for (const type of NOT_JSON) {
    test(`POST /api/v1/comments and PATCH /api/admin/sites as ${JSON.stringify(type)}: 415 unsupported-media-type`, async () => {
      const t = await adminApp(backends[0]!);
      const res = await t.send('POST', '/api/v1/comments', { site: 'demo', page: '/p', body: 'x' }, { 'content-type': type });
      assert.equal(res.status, 415);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal((await problemOf(res)).code, 'unsupported-media-type');
      const site = await t.owner.req('PATCH', '/api/admin/sites/demo', { name: 'Renamed' }, { 'content-type': type });
      assert.equal(site.status, 415);
      assert.equal((await problemOf(site)).code, 'unsupported-media-type');
      assert.equal(await t.storage.getPage('demo', '/p'), undefined);
    });
  }
});
