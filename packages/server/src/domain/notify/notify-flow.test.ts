import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';

/** Reply notifications and thread subscriptions end to end: widget API → outbox → real SMTP server → links. */

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** The URL in the List-Unsubscribe header (possibly folded over lines). */
function unsubscribeOf(rawHeaders: string): string {
  const m = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(rawHeaders.replace(/\r?\n(?=[ \t])/g, ''));
  if (!m?.[1]) throw new Error(`no List-Unsubscribe in:\n${rawHeaders}`);
  return m[1];
}

for (const backend of backends) {
  describe(`notifications on ${backend.name}`, () => {
    test('notify me of replies: double opt-in, then replies are mailed in the reader’s language; one-click unsubscribe stops them', async () => {
      const s = await notifyStack(backend);
      const alice = { name: 'Alice', email: 'Alice@Example.org' };
      const parent = await s.post('/a', 'first', {
        author: alice,
        notify: true,
        locale: 'de-AT',
        title: 'Seite A',
        url: 'https://news.example.com/a',
      });
      await s.drain();
      const [confirm, ...rest] = s.sink.to('alice@example.org');
      assert.ok(confirm);
      assert.equal(rest.length, 0);
      assert.match(confirm.parsed.subject ?? '', /^E-Mails zu Kommentaren auf demo bestätigen$/);
      assert.ok(confirm.parsed.html && confirm.parsed.text);
      assert.match(confirm.rawHeaders, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      assert.match(unsubscribeOf(confirm.rawHeaders), new RegExp(`^${PUBLIC}/notify/unsubscribe\\?t=`));
      assert.equal(confirm.parsed.headers.get('auto-submitted'), 'auto-generated');

      // Until confirmed, a reply sends nothing.
      await s.post('/a', 'early reply', { parentId: parent.comment.id, author: { name: 'Bob' } });
      await s.drain();
      assert.equal(s.sink.to('alice@example.org').length, 1);

      const confirmUrl = linkIn(confirm.parsed.text, `${PUBLIC}/notify/confirm`);
      // A GET (a mail scanner, a preview) only shows the question.
      const page = await s.app.request(local(confirmUrl));
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.match(await page.text(), /<form method="post">/);
      await s.post('/a', 'still early', { parentId: parent.comment.id });
      await s.drain();
      assert.equal(s.sink.to('alice@example.org').length, 1);
      const done = await s.app.request(local(confirmUrl), { method: 'POST', headers: form, body: '' });
      assert.equal(done.status, 200);
      // The page speaks the language stored with the address (de-AT → de).
      assert.match(await done.text(), /Bestätigt\./);

      await s.post('/a', 'Hallo <script>alert(1)</script> [x](https://evil.example/)', {
        parentId: parent.comment.id,
        author: { name: 'Bob <b>' },
      });
      await s.drain();
      const [, reply] = s.sink.to('alice@example.org');
      assert.ok(reply);
      assert.equal(reply.parsed.subject, 'Neue Antwort auf Ihren Kommentar zu Seite A');
      assert.match(reply.parsed.text ?? '', /Bob <b> hat auf Ihren Kommentar zu Seite A geantwortet:/);
      const html = String(reply.parsed.html);
      assert.match(html, /Bob &#60;b&#62; hat/);
      assert.match(html, /Hallo &#60;script&#62;alert\(1\)&#60;\/script&#62;/);
      assert.doesNotMatch(html, /<script|href="https:\/\/evil/);
      // The only links: the page (on the site's own origin) and the unsubscribe link.
      const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(hrefs.length, 2);
      assert.match(hrefs[0] ?? '', /^https:\/\/news\.example\.com\/a#comment-/);
      assert.match(hrefs[1] ?? '', new RegExp(`^${PUBLIC}/notify/unsubscribe`));

      // The author's own reply is not mailed to them; a reply in a thread they follow not twice.
      await s.post('/a', 'talking to myself', { parentId: parent.comment.id, author: alice });
      await s.drain();
      assert.equal(s.sink.to('alice@example.org').length, 2);

      // One-click unsubscribe as a mail client does it (RFC 8058).
      const unsub = unsubscribeOf(reply.rawHeaders);
      const gone = await s.app.request(local(unsub), { method: 'POST', headers: form, body: 'List-Unsubscribe=One-Click' });
      assert.equal(gone.status, 200);
      await s.post('/a', 'after unsubscribe', { parentId: parent.comment.id });
      await s.drain();
      assert.equal(s.sink.to('alice@example.org').length, 2);
      // No cookie was ever needed or set.
      assert.equal(gone.headers.get('set-cookie'), null);
    });

    test('follow this discussion: confirmation first, then each new comment on the page; English fallback', async () => {
      const s = await notifyStack(backend);
      const res = await s.send('POST', '/api/v1/subscriptions', {
        site: 'demo',
        page: '/t',
        email: 'reader@example.org',
        locale: 'xx',
      });
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { status: 'check-your-inbox' });
      // Asking again within the hour queues no second confirmation.
      await s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/t', email: 'reader@example.org' });
      await s.drain();
      const mails = s.sink.to('reader@example.org');
      assert.equal(mails.length, 1);
      assert.equal(mails[0]?.parsed.subject, 'Confirm e-mails about comments on demo');
      await s.post('/t', 'before confirming');
      await s.drain();
      assert.equal(s.sink.to('reader@example.org').length, 1);
      const confirmUrl = linkIn(mails[0]?.parsed.text, `${PUBLIC}/notify/confirm`);
      assert.equal((await s.app.request(local(confirmUrl), { method: 'POST' })).status, 200);
      await s.post('/t', 'a new comment', { author: { name: 'Carol' } });
      await s.post('/elsewhere', 'another page');
      await s.drain();
      const after = s.sink.to('reader@example.org');
      assert.equal(after.length, 2);
      assert.equal(after[1]?.parsed.subject, 'New comment on /t');
      assert.match(after[1]?.parsed.text ?? '', /Carol commented on \/t:\n\n> a new comment/);
    });

    test('bad input: an invalid address is 422, a foreign origin 403, a forged or cross-purpose token a 404 page', async () => {
      const s = await notifyStack(backend);
      const bad = await s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/t', email: 'not an address' });
      assert.equal(bad.status, 422);
      assert.deepEqual((await problemOf(bad)).errors, [
        { path: 'email', message: 'is not a valid e-mail address', code: 'invalid-email' },
      ]);
      const foreign = await s.send(
        'POST',
        '/api/v1/subscriptions',
        { site: 'demo', page: '/t', email: 'a@example.org' },
        { origin: 'https://evil.example' },
      );
      assert.equal(foreign.status, 403);
      await s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/t', email: 'a@example.org' });
      await s.drain();
      const confirmUrl = linkIn(s.sink.to('a@example.org')[0]?.parsed.text, `${PUBLIC}/notify/confirm`);
      const token = new URL(confirmUrl).searchParams.get('t') ?? '';
      const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
      for (const path of [
        `/notify/confirm?t=${encodeURIComponent(tampered)}`,
        `/notify/unsubscribe?t=${encodeURIComponent(token)}`,
        '/notify/confirm',
      ]) {
        const res = await s.app.request(path, { method: 'POST' });
        assert.equal(res.status, 404, path);
        assert.match(await res.text(), /not valid or has expired/);
      }
    });
  });
}
