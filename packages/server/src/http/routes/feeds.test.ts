import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { backends, problemOf, testApp } from '../../test-support.js';

/** Atom feeds of approved comments, read back with a real XML parser. */

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
}

/** Parses a whole document into a small tree; saxes throws on anything that is not well-formed XML. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const root: Element = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: Element[] = [root];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[k] = typeof v === 'string' ? v : v.value;
    const el: Element = { name: tag.local ?? tag.name, attributes, text: '', children: [] };
    if (tag.uri !== 'http://www.w3.org/2005/Atom') throw new Error(`element ${tag.name} outside the Atom namespace`);
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  const feed = root.children[0];
  if (!feed) throw new Error('empty document');
  return feed;
}

const child = (el: Element, name: string) => el.children.find((c) => c.name === name);
const text = (el: Element, name: string) => child(el, name)?.text ?? '';

for (const backend of backends) {
  describe(`feeds on ${backend.name}`, () => {
    test('site feed: approved comments only, newest first, tag: ids, times, escaped content, Atom media type', async () => {
      let now = Date.parse('2026-11-20T10:00:00Z');
      const t = await testApp(backend, {}, () => now, { publicUrl: 'https://comments.example.org/parley' });
      const first = await t.post('/a', 'plain *first*', { url: 'https://news.example.com/a', title: 'A & B' });
      now += 60_000;
      const evil = '<script>alert(1)</script> ]]> &amp; \u0001 [x](javascript:alert(1)) [ok](https://ok.example/?a=1&b=2)';
      const second = await t.post('/b', evil, { author: { name: '<b>Mallory</b> & "co"' }, url: 'https://news.example.com/b' });
      now += 60_000;
      const gone = await t.post('/b', 'deleted later');
      await t.send('DELETE', `/api/v1/comments/${gone.comment.id}`, undefined, { authorization: `Bearer ${gone.editToken}` });

      const res = await t.send('GET', '/api/v1/feeds/demo/comments.atom');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const feed = parseXml(await res.text());
      assert.equal(feed.name, 'feed');
      const siteDay = new Date().toISOString().slice(0, 10);
      assert.equal(text(feed, 'id'), `tag:comments.example.org,${siteDay}:demo/comments`);
      assert.equal(
        feed.children.find((c) => c.name === 'link' && c.attributes.rel === 'self')?.attributes.href,
        'https://comments.example.org/parley/api/v1/feeds/demo/comments.atom',
      );
      const entries = feed.children.filter((c) => c.name === 'entry');
      assert.deepEqual(
        entries.map((e) => text(e, 'id')),
        [second.comment.id, first.comment.id].map((id) => `tag:comments.example.org,${siteDay}:demo/comment/${id}`),
      );
      assert.equal(text(feed, 'updated'), '2026-11-20T10:01:00.000Z');
      const [e2, e1] = entries as [Element, Element];
      assert.equal(text(e1, 'published'), '2026-11-20T10:00:00.000Z');
      assert.equal(text(e1, 'updated'), '2026-11-20T10:00:00.000Z');
      assert.equal(text(e1, 'title'), 'Anonymous on A & B');
      assert.equal(child(e1, 'link')?.attributes.href, `https://news.example.com/a#comment-${first.comment.id}`);
      assert.equal(text(e1, 'content'), first.comment.html);
      assert.equal(child(e2, 'content')?.attributes.type, 'html');
      // The content, once unescaped by the parser, is exactly the sanitised HTML the API shows.
      assert.equal(text(e2, 'content'), second.comment.html);
      assert.doesNotMatch(text(e2, 'content'), /<script|href="javascript:/);
      assert.equal(text(child(e2, 'author') as Element, 'name'), '<b>Mallory</b> & "co"');
    });

    test('an edit moves the entry and the feed updated time', async () => {
      let now = Date.parse('2026-11-20T10:00:00Z');
      const t = await testApp(backend, {}, () => now);
      const c = await t.post('/a', 'typo');
      now += 5 * 60_000;
      const edit = await t.send(
        'PATCH',
        `/api/v1/comments/${c.comment.id}`,
        { body: 'fixed' },
        { authorization: `Bearer ${c.editToken}` },
      );
      assert.equal(edit.status, 200);
      const feed = parseXml(await (await t.send('GET', '/api/v1/feeds/demo/comments.atom')).text());
      assert.equal(text(feed, 'updated'), '2026-11-20T10:05:00.000Z');
      const entry = feed.children.find((e) => e.name === 'entry') as Element;
      assert.equal(text(entry, 'published'), '2026-11-20T10:00:00.000Z');
      assert.equal(text(entry, 'updated'), '2026-11-20T10:05:00.000Z');
      assert.match(text(entry, 'content'), /fixed/);
      // Without PARLEY_PUBLIC_URL the request's host is the id authority.
      assert.match(text(feed, 'id'), /^tag:localhost,\d{4}-\d\d-\d\d:demo\/comments$/);
    });

    test('page feed lists one page; pending comments stay out; an unknown page is an empty feed', async () => {
      const t = await testApp(backend);
      const a = await t.post('/a', 'on a', { title: 'Page A' });
      await t.post('/b', 'on b');
      const res = await t.send('GET', '/api/v1/feeds/demo/page.atom?page=%2Fa');
      assert.equal(res.status, 200);
      const feed = parseXml(await res.text());
      assert.equal(text(feed, 'title'), 'Comments on Page A');
      const ids = feed.children.filter((c) => c.name === 'entry').map((e) => text(e, 'id'));
      assert.equal(ids.length, 1);
      assert.ok(ids[0]?.endsWith(`/comment/${a.comment.id}`));
      const empty = parseXml(await (await t.send('GET', '/api/v1/feeds/demo/page.atom?page=%2Fnone')).text());
      assert.equal(empty.children.filter((c) => c.name === 'entry').length, 0);

      const held = await testApp(backend, { moderation: 'all' });
      await held.post('/a', 'held');
      const heldFeed = parseXml(await (await held.send('GET', '/api/v1/feeds/demo/comments.atom')).text());
      assert.equal(heldFeed.children.filter((c) => c.name === 'entry').length, 0);
    });

    test('a page address not on the site (stored before posts were checked, or the origin removed since) is never a link', async () => {
      const t = await testApp(backend);
      await t.post('/moved', 'hello', { url: 'https://news.example.com/moved', title: 'Moved' });
      const site = await t.storage.getSite('demo');
      assert.ok(site);
      await t.storage.updateSite({ ...site, origins: ['https://elsewhere.example'] });
      for (const path of ['/api/v1/feeds/demo/comments.atom', '/api/v1/feeds/demo/comments.atom?page=%2Fmoved']) {
        const xml = await (await t.send('GET', path)).text();
        assert.doesNotMatch(xml, /news\.example\.com/, path);
        const feed = parseXml(xml);
        assert.equal(feed.children.filter((c) => c.name === 'entry').length, 1, path);
      }
    });

    test('at most 50 entries', async () => {
      const t = await testApp(backend);
      for (let i = 0; i < 51; i++) await t.post('/a', `c${i}`);
      const feed = parseXml(await (await t.send('GET', '/api/v1/feeds/demo/comments.atom')).text());
      const entries = feed.children.filter((c) => c.name === 'entry');
      assert.equal(entries.length, 50);
      assert.match(text(entries[0] as Element, 'content'), /c50/);
    });

    test('unknown site is a 404 problem, a bad site id 422, a missing page key 422', async () => {
      const t = await testApp(backend);
      const res = await t.send('GET', '/api/v1/feeds/nope/comments.atom');
      assert.equal(res.status, 404);
      assert.equal((await problemOf(res)).code, 'site-not-found');
      assert.equal((await problemOf(await t.send('GET', '/api/v1/feeds/BAD!/comments.atom'))).code, 'invalid-fields');
      assert.equal((await problemOf(await t.send('GET', '/api/v1/feeds/demo/page.atom'))).code, 'invalid-fields');
    });
  });
}
