import { expect } from '@open-wc/testing';
import { ParleyApi } from './api.js';
import { plainJson } from './plain-json.js';
import { addPrototypeJsToJson } from './test-prototype-js.js';

describe('plainJson', () => {
  const data = { site: 's', pages: ['a', 'b'], nested: [[1], { list: [true, null] }], none: undefined };
  const expected = '{"site":"s","pages":["a","b"],"nested":[[1],{"list":[true,null]}]}';

  it('writes what JSON.stringify writes for plain data', () => {
    expect(plainJson(data)).to.equal(JSON.stringify(data)).and.to.equal(expected);
    expect(plainJson(undefined)).to.equal(undefined);
  });

  it('writes arrays as lists on a page whose Array.prototype.toJSON returns a string (Prototype.js)', () => {
    const removeToJson = addPrototypeJsToJson();
    let out: string;
    try {
      out = plainJson(data);
    } finally {
      removeToJson();
    }
    expect(out).to.equal(expected);
  });

  it('is what ParleyApi sends, so its counts request carries the pages as a list under Prototype.js', async () => {
    const original = window.fetch;
    let body: unknown;
    window.fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      body = JSON.parse(String(init?.body));
      return new Response('{"counts":{}}', { headers: { 'content-type': 'application/json' } });
    };
    const removeToJson = addPrototypeJsToJson();
    try {
      await new ParleyApi('https://comments.test').counts('demo', ['/a', '/b']);
    } finally {
      removeToJson();
      window.fetch = original;
    }
    expect(body).to.deep.equal({ site: 'demo', pages: ['/a', '/b'] });
  });
});
