import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import { httpTestServer } from '../../test-http.js';
import { backends, ORIGIN, problemOf } from '../../test-support.js';

/**
 * The spam rules over real HTTP (a listening server on 127.0.0.1, fetch as the client), with a
 * new site's defaults: form token and honeypot required, 3 comments a minute per IP prefix,
 * duplicates refused.
 */

for (const backend of backends) {
  describe(`anti-spam over HTTP on ${backend.name}`, () => {
    test('a post with an aged form token from the listing is stored; bots without one are refused and leave nothing', async () => {
      let clock = Date.now();
      const s = await httpTestServer(backend, { now: () => clock });
      const { formToken } = await s.list();
      const refused = async (fields: Record<string, unknown>, why: string) => {
        const res = await s.post({ body: `bot ${why}`, ...fields });
        assert.equal(res.status, 422, why);
        assert.equal((await problemOf(res)).code, 'spam-suspected', why);
      };
      // Posted at once (a script that fetched the listing and answered within 2 s).
      clock += 1_900;
      await refused({ formToken }, 'token younger than 2 s');
      clock += 200;
      await refused({}, 'no token');
      await refused({ formToken: 'garbage' }, 'malformed token');
      const [issued = '', mac = ''] = formToken.split('.');
      const flipped = `${issued}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
      await refused({ formToken: flipped }, 'forged MAC');
      // Claiming an older issue time breaks the MAC too.
      await refused({ formToken: `${(Number.parseInt(issued, 36) - 60_000).toString(36)}.${mac}` }, 'back-dated');
      await refused({ formToken, homepage: 'https://spam.example' }, 'honeypot filled');

      // None of them stored a page, a comment or a rate event: three real posts still fit the minute.
      assert.equal(await s.storage.getPage('demo', '/p'), undefined);
      for (const body of ['one', 'two', 'three']) {
        const res = await s.post({ body, formToken, homepage: '' });
        assert.equal(res.status, 201, await res.clone().text());
      }
      // The clock stands still, so order among equal times is by id: compare as sets.
      assert.deepEqual((await s.list()).comments.map((c) => c.body).sort(), ['one', 'three', 'two']);
    });

    test('a token is good for 24 hours and for its own site only', async () => {
      let clock = Date.now();
      const s = await httpTestServer(backend, { now: () => clock });
      await s.storage.createSite(buildSite({ id: 'other', origins: [ORIGIN] }, clock));
      const mine = (await s.list()).formToken;
      const theirs = (await s.list('/p', 'other')).formToken;
      clock += 5_000;
      const res = await s.post({ body: 'with another site’s token', formToken: theirs });
      assert.equal(res.status, 422);
      assert.equal((await problemOf(res)).code, 'spam-suspected');
      clock += 24 * 3_600_000 - 10_000;
      assert.equal((await s.post({ body: 'a day later, just', formToken: mine })).status, 201);
      clock += 10_000;
      const late = await s.post({ body: 'a day and 5 s later', formToken: mine });
      assert.equal(late.status, 422);
      assert.equal((await problemOf(late)).code, 'spam-suspected');
      assert.equal((await s.list()).page.count, 1);
    });

    test('with requireFormToken off (sites from before it existed) posts need neither token nor empty honeypot', async () => {
      const s = await httpTestServer(backend, { settings: { requireFormToken: false } });
      assert.equal((await s.post({ body: 'old widget' })).status, 201);
      assert.equal((await s.post({ body: 'old client', homepage: 'x' })).status, 201);
    });

    test('a flood from one address gets 429 with Retry-After; rotating X-Forwarded-For from an untrusted peer does not help', async () => {
      const s = await httpTestServer(backend, { settings: { requireFormToken: false } });
      for (let i = 0; i < 3; i++) {
        const res = await s.post({ body: `flood ${i}` }, { 'x-forwarded-for': `198.51.${i}.1` });
        assert.equal(res.status, 201);
      }
      for (let i = 3; i < 6; i++) {
        const res = await s.post({ body: `flood ${i}` }, { 'x-forwarded-for': `198.51.${i}.1, 192.0.2.${i}` });
        assert.equal(res.status, 429, `rotated X-Forwarded-For ${i}`);
        assert.equal((await problemOf(res)).code, 'rate-limited');
        const retry = Number(res.headers.get('retry-after'));
        assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
      }
      assert.equal((await s.list()).page.count, 3);
    });

    test('behind a trusted proxy the forwarded address is the one limited', async () => {
      const s = await httpTestServer(backend, { settings: { requireFormToken: false }, trustedProxies: ['127.0.0.1'] });
      // Six readers in six networks: each within its own limit.
      for (let i = 0; i < 6; i++) {
        const res = await s.post({ body: `reader ${i}` }, { 'x-forwarded-for': `198.51.${i}.7` });
        assert.equal(res.status, 201, `reader ${i}`);
      }
      // One network (a /24) is one subject, whichever host in it posts; what the client itself
      // put in the header (the left entries) is ignored: the proxy's own addition counts.
      for (let i = 0; i < 2; i++) {
        assert.equal(
          (await s.post({ body: `same net ${i}` }, { 'x-forwarded-for': `10.0.0.${i}, 198.51.0.${20 + i}` })).status,
          201,
        );
      }
      const res = await s.post({ body: 'one too many' }, { 'x-forwarded-for': '203.0.113.9, 198.51.0.99' });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
    });

    test('the same text from the same commenter within a day is refused; others and later are not', async () => {
      let clock = Date.now();
      const s = await httpTestServer(backend, {
        settings: { requireFormToken: false, rateLimitPerMinute: 0, rateLimitPerHour: 0 },
        trustedProxies: ['127.0.0.1'],
        now: () => clock,
      });
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      assert.equal((await s.post({ body: 'Great piece!' }, from('198.51.100.1'))).status, 201);
      const again = await s.post({ body: '  Great piece!\r\n' }, from('198.51.100.2'));
      assert.equal(again.status, 422);
      assert.equal((await problemOf(again)).code, 'duplicate-comment');
      // On another page it is still the same text from the same commenter.
      assert.equal((await s.post({ body: 'Great piece!', page: '/q' }, from('198.51.100.1'))).status, 422);
      assert.equal((await s.post({ body: 'Great piece!' }, from('192.0.2.1'))).status, 201, 'another network');
      const mail = { name: 'Ada', email: 'ada@example.org' };
      assert.equal((await s.post({ body: 'Great piece!', author: mail }, from('198.51.100.1'))).status, 201, 'with an e-mail');
      // By e-mail the commenter is known from any network.
      assert.equal((await s.post({ body: 'Great piece!', author: mail }, from('203.0.113.5'))).status, 422);
      clock += 24 * 3_600_000 + 1;
      assert.equal((await s.post({ body: 'Great piece!' }, from('198.51.100.1'))).status, 201, 'a day later');
      assert.equal((await s.list()).page.count, 4);

      const off = await httpTestServer(backend, { settings: { requireFormToken: false, refuseDuplicates: false } });
      assert.equal((await off.post({ body: 'twice' })).status, 201);
      assert.equal((await off.post({ body: 'twice' })).status, 201);
    });

    test('blocked words hold or refuse, whole words only, in any script and case', async () => {
      const words = ['casino', 'кот', 'cheap pills', 'Straße'];
      const hold = await httpTestServer(backend, {
        settings: { requireFormToken: false, refuseDuplicates: false, rateLimitPerMinute: 0, blockedWords: words },
      });
      const statusOf = async (body: string, author?: Record<string, string>) => {
        const res = await hold.post({ body, ...(author ? { author } : {}) });
        assert.equal(res.status, 201, body);
        const { comment } = (await res.json()) as { comment: { id: string; status: string } };
        const stored = await hold.storage.getComment(comment.id);
        return `${comment.status}${stored?.heldReason ? `/${stored.heldReason}` : ''}`;
      };
      assert.equal(await statusOf('Best CASINO bonus'), 'pending/blocked-word');
      assert.equal(await statusOf('Мой Кот!'), 'pending/blocked-word');
      assert.equal(await statusOf('buy cheap\n  PILLS'), 'pending/blocked-word');
      assert.equal(await statusOf('Die STRASSE'), 'approved', 'ß is not folded to ss');
      assert.equal(await statusOf('In der straße'), 'pending/blocked-word');
      assert.equal(await statusOf('hi', { name: 'Casino Royale' }), 'pending/blocked-word');
      for (const fine of ['casinos nearby', 'котёнок', 'scotland', 'pills are cheap', '_кот_x']) {
        assert.equal(await statusOf(fine), 'approved', fine);
      }

      const refuse = await httpTestServer(backend, {
        settings: { requireFormToken: false, blockedWords: words, blockedWordsAction: 'refuse' },
      });
      const res = await refuse.post({ body: 'visit my (casino)' });
      assert.equal(res.status, 422);
      assert.equal((await problemOf(res)).code, 'blocked-word');
      assert.equal(await refuse.storage.getPage('demo', '/p'), undefined);
      assert.equal((await refuse.post({ body: 'a casual remark' })).status, 201);
    });

    test('flags: once per visitor, idempotent; the third visitor sends the comment to the queue', async () => {
      const s = await httpTestServer(backend, { settings: { requireFormToken: false }, trustedProxies: ['127.0.0.1'] });
      const posted = await s.post({ body: 'contested' });
      const { comment } = (await posted.json()) as { comment: { id: string } };
      const flag = (ip: string, id = comment.id, headers: Record<string, string> = {}) =>
        s.send('POST', `/api/v1/comments/${id}/flag`, {}, { 'x-forwarded-for': ip, ...headers });
      assert.equal((await flag('198.51.1.1')).status, 204);
      // Again, and from another host of the same /24: the same visitor.
      assert.equal((await flag('198.51.1.1')).status, 204);
      assert.equal((await flag('198.51.1.200')).status, 204);
      assert.equal((await flag('198.51.2.1')).status, 204);
      assert.equal((await s.list()).page.count, 1, 'two visitors: still shown');
      assert.equal((await s.storage.getComment(comment.id))?.flags, 2);
      assert.equal((await flag('198.51.3.1')).status, 204);
      assert.equal((await s.list()).page.count, 0, 'three visitors: queued');
      const stored = await s.storage.getComment(comment.id);
      assert.equal(stored?.status, 'pending');
      assert.equal(stored?.heldReason, 'flags');
      assert.equal(stored?.flags, 3);
      // Still idempotent for those who flagged it.
      assert.equal((await flag('198.51.3.1')).status, 204);

      const unknown = await flag('198.51.4.1', 'nosuchcomment');
      assert.equal(unknown.status, 404);
      assert.equal((await problemOf(unknown)).code, 'comment-not-found');
      const foreign = await flag('198.51.4.1', comment.id, { origin: 'https://evil.example' });
      assert.equal(foreign.status, 403);
    });

    test('flagThreshold 0: flags are kept but never hide a comment', async () => {
      const s = await httpTestServer(backend, {
        settings: { requireFormToken: false, flagThreshold: 0 },
        trustedProxies: ['127.0.0.1'],
      });
      const { comment } = (await (await s.post({ body: 'fine' })).json()) as { comment: { id: string } };
      for (let i = 0; i < 4; i++) {
        const res = await s.send('POST', `/api/v1/comments/${comment.id}/flag`, {}, { 'x-forwarded-for': `198.51.${i}.1` });
        assert.equal(res.status, 204);
      }
      const stored = await s.storage.getComment(comment.id);
      assert.equal(stored?.status, 'approved');
      assert.equal(stored?.flags, 4);
    });
  });
}
