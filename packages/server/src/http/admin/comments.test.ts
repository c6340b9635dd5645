import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AdminComment } from '../../domain/admin-present.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp } from './test-helpers.js';

type Page = { comments: AdminComment[]; nextCursor: string | null };

for (const backend of backends) {
  describe(`admin comments (${backend.name})`, () => {
    test('the queue lists held and spam comments newest first, with page title, author and reason', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const a = await t.post('p1', 'first *held*', { title: 'Harbour news', author: { name: 'Ann', email: 'ann@example.com' } });
      const b = await t.post('p2', 'second held', { author: { name: 'Bob' } });
      await t.app.moderation.spam({ id: null, email: 'x', name: 'x', role: 'system', sites: [] }, b.comment.id);
      const c = await t.post('p1', 'third held');
      const queue = await t.owner.json<Page>('GET', '/api/admin/queue');
      assert.deepEqual(
        queue.comments.map((x) => x.id),
        [c.comment.id, b.comment.id, a.comment.id],
      );
      const first = queue.comments[2];
      assert.equal(first?.page.title, 'Harbour news');
      assert.equal(first?.author.name, 'Ann');
      assert.equal(first?.author.hasEmail, true);
      assert.match(first?.author.emailHash ?? '', /^[A-Za-z0-9_-]{32}$/);
      assert.equal(first?.html, '<p>first <em>held</em></p>');
      assert.equal(first?.heldReason, 'moderation-all');
      assert.equal(first?.status, 'pending');
      assert.ok(!JSON.stringify(queue).includes('ann@example.com'), 'no raw e-mail in the admin API');
      const spamOnly = await t.owner.json<Page>('GET', '/api/admin/queue?kind=spam');
      assert.deepEqual(
        spamOnly.comments.map((x) => x.id),
        [b.comment.id],
      );
      const paged = await t.owner.json<Page>('GET', '/api/admin/queue?limit=2');
      assert.equal(paged.comments.length, 2);
      const rest = await t.owner.json<Page>('GET', `/api/admin/queue?limit=2&cursor=${paged.nextCursor}`);
      assert.deepEqual(
        rest.comments.map((x) => x.id),
        [a.comment.id],
      );
      assert.equal(rest.nextCursor, null);
      const bad = await t.owner.req('GET', '/api/admin/queue?kind=pending,nonsense');
      assert.equal(bad.status, 422);
    });

    test('approve publishes a held comment; reject and spam hide it again; delete wipes it', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const { comment } = await t.post('p1', 'wait for me');
      assert.equal((await t.list('p1')).comments.length, 0);
      const approved = await t.owner.json<{ comment: AdminComment }>('POST', `/api/admin/comments/${comment.id}/approve`);
      assert.equal(approved.comment.status, 'approved');
      assert.equal(approved.comment.heldReason, null);
      const listed = await t.list('p1');
      assert.deepEqual(
        listed.comments.map((c) => c.id),
        [comment.id],
      );
      assert.equal(listed.page.count, 1);
      for (const action of ['reject', 'spam'] as const) {
        const res = await t.owner.json<{ comment: AdminComment }>('POST', `/api/admin/comments/${comment.id}/${action}`);
        assert.equal(res.comment.status, action === 'reject' ? 'rejected' : 'spam');
        assert.equal(res.comment.body, 'wait for me', 'text kept');
        assert.equal((await t.list('p1')).comments.length, 0);
      }
      assert.equal((await t.owner.req('DELETE', `/api/admin/comments/${comment.id}`)).status, 204);
      const gone = await t.owner.json<{ comment: AdminComment }>('GET', `/api/admin/comments/${comment.id}`);
      assert.equal(gone.comment.status, 'deleted');
      assert.equal(gone.comment.body, '');
      const again = await t.owner.req('POST', `/api/admin/comments/${comment.id}/approve`);
      assert.equal(again.status, 409);
      assert.equal((await problemOf(again)).code, 'comment-deleted');
      const missing = await t.owner.req('POST', '/api/admin/comments/nope/approve');
      assert.equal(missing.status, 404);
    });

    test('edit replaces and re-renders the text without an edit window', async () => {
      let now = Date.now();
      const t = await adminApp(backend, { now: () => now });
      const { comment } = await t.post('p1', 'typo hree');
      now += 30 * 60_000; // past the author's 15-minute window
      const res = await t.owner.json<{ comment: AdminComment }>('PATCH', `/api/admin/comments/${comment.id}`, {
        body: 'typo **here**',
      });
      assert.equal(res.comment.html, '<p>typo <strong>here</strong></p>');
      assert.ok(res.comment.editedAt);
      assert.equal((await t.list('p1')).comments[0]?.body, 'typo **here**');
      const empty = await t.owner.req('PATCH', `/api/admin/comments/${comment.id}`, { body: '  ' });
      assert.equal(empty.status, 422);
    });

    test('a moderator reply is approved, carries the badge in the public API and works on locked pages', async () => {
      const t = await adminApp(backend);
      const { comment } = await t.post('p1', 'question?');
      await t.owner.json('POST', '/api/admin/pages/lock', { site: 'demo', page: 'p1' });
      const res = await t.owner.req('POST', `/api/admin/comments/${comment.id}/reply`, { body: 'answer' });
      assert.equal(res.status, 201);
      const reply = ((await res.json()) as { comment: AdminComment }).comment;
      assert.equal(reply.moderator, true);
      assert.equal(reply.author.name, 'Olive');
      const listing = await t.list('p1');
      const shown = listing.comments[0]?.replies?.[0] as { id: string; moderator?: true; author: { name: string } | null };
      assert.equal(shown.id, reply.id);
      assert.equal(shown.moderator, true);
      assert.equal(shown.author?.name, 'Olive');
      assert.equal((listing.comments[0] as { moderator?: true }).moderator, undefined, 'readers carry no badge');
      assert.equal(listing.page.locked, true);
    });

    test('replying to a held comment approves it first', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const { comment } = await t.post('p1', 'held question');
      await t.owner.json('POST', `/api/admin/comments/${comment.id}/reply`, { body: 'answer' }, 201);
      const listing = await t.list('p1');
      assert.equal(listing.comments[0]?.id, comment.id);
      assert.equal(listing.comments[0]?.replies?.length, 1);
    });

    test('pinned comments come first in the public listing, on the first page only', async () => {
      const t = await adminApp(backend);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await t.post('p1', `c${i}`)).comment.id);
      await t.owner.json('POST', `/api/admin/comments/${ids[2]}/pin`);
      const first = await t.list('p1', '&limit=2');
      assert.deepEqual(
        first.comments.map((c) => c.id),
        [ids[2], ids[0], ids[1]],
      );
      assert.equal((first.comments[0] as { pinned?: true }).pinned, true);
      const second = await t.list('p1', `&limit=2&cursor=${first.nextCursor}`);
      assert.deepEqual(
        second.comments.map((c) => c.id),
        [ids[3]],
      );
      await t.owner.json('POST', `/api/admin/comments/${ids[2]}/unpin`);
      assert.deepEqual(
        (await t.list('p1')).comments.map((c) => c.id),
        ids,
      );
      const reply = await t.post('p1', 'a reply', { parentId: ids[0] });
      const bad = await t.owner.req('POST', `/api/admin/comments/${reply.comment.id}/pin`);
      assert.equal(bad.status, 422);
    });

    test('lock and unlock a thread', async () => {
      const t = await adminApp(backend);
      await t.post('p1', 'open');
      const locked = await t.owner.json<{ page: { locked: boolean } }>('POST', '/api/admin/pages/lock', {
        site: 'demo',
        page: 'p1',
      });
      assert.equal(locked.page.locked, true);
      const refused = await t.send('POST', '/api/v1/comments', { site: 'demo', page: 'p1', body: 'late' });
      assert.equal(refused.status, 403);
      assert.equal((await problemOf(refused)).code, 'page-locked');
      await t.owner.json('POST', '/api/admin/pages/unlock', { site: 'demo', page: 'p1' });
      await t.post('p1', 'open again');
    });

    test('threads close autoCloseDays after their first comment: listed as locked, posts refused', async () => {
      let now = Date.now();
      const t = await adminApp(backend, { now: () => now, settings: { autoCloseDays: 7 } });
      await t.post('old', 'day one');
      now += 6 * 86_400_000;
      await t.post('old', 'day six');
      assert.equal((await t.list('old')).page.locked, false);
      now += 2 * 86_400_000;
      // No write in between: the listing cached on day six must not answer for day eight.
      assert.equal((await t.list('old')).page.locked, true);
      const refused = await t.send('POST', '/api/v1/comments', { site: 'demo', page: 'old', body: 'day eight' });
      assert.equal(refused.status, 403);
      assert.equal((await problemOf(refused)).code, 'page-locked');
      await t.post('new', 'a new page is open');
      assert.equal((await t.list('new')).page.locked, false);
      // Moderators see it closed too (not locked: unlocking would not reopen it).
      const mod = await t.signIn('owner@example.com');
      const thread = await mod.json<{ page: { locked: boolean; closed: boolean }; comments: { page: { closed: boolean } }[] }>(
        'GET',
        '/api/admin/thread?site=demo&page=old',
      );
      assert.deepEqual([thread.page.locked, thread.page.closed, thread.comments[0]?.page.closed], [false, true, true]);
      const fresh = await mod.json<{ comments: { page: { key: string; closed: boolean } }[] }>(
        'GET',
        '/api/admin/comments?page=new',
      );
      assert.deepEqual(
        fresh.comments.map((c) => [c.page.key, c.page.closed]),
        [['new', false]],
      );
      // Turning the setting off reopens the old thread (a fresh session: the first one expired days ago).
      await mod.json('PATCH', '/api/admin/sites/demo', { settings: { autoCloseDays: 0 } });
      assert.equal((await t.list('old')).page.locked, false);
      await t.post('old', 'day eight, reopened');
    });

    test('bulk actions apply to each id and report failures one by one', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const a = (await t.post('p1', 'a')).comment.id;
      const b = (await t.post('p1', 'b')).comment.id;
      const res = await t.owner.json<{ results: { id: string; ok: boolean; code?: string }[] }>(
        'POST',
        '/api/admin/comments/bulk',
        {
          action: 'approve',
          ids: [a, 'missing', b],
        },
      );
      assert.deepEqual(res.results, [
        { id: a, ok: true },
        { id: 'missing', ok: false, code: 'comment-not-found' },
        { id: b, ok: true },
      ]);
      assert.equal((await t.list('p1')).comments.length, 2);
      const tooMany = await t.owner.req('POST', '/api/admin/comments/bulk', { action: 'approve', ids: Array(101).fill(a) });
      assert.equal(tooMany.status, 422);
      const badAction = await t.owner.req('POST', '/api/admin/comments/bulk', { action: 'explode', ids: [a] });
      assert.equal(badAction.status, 422);
    });

    test('search by text, author, page and status; the thread view shows held comments too', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'links' } });
      await t.post('p1', 'About the 100% harbour', { title: 'Harbour', author: { name: 'Ann Lee', email: 'ann@example.com' } });
      const held = await t.post('p1', 'see https://spam.example', { author: { name: 'Bob' } });
      await t.post('p2', 'Nothing here', { title: 'Weather', author: { name: 'Cy' } });
      const ids = async (query: string) =>
        (await t.owner.json<Page>('GET', `/api/admin/comments?${query}`)).comments.map((c) => c.body);
      assert.deepEqual(await ids('q=HARBOUR'), ['About the 100% harbour']);
      assert.deepEqual(await ids('q=100%25'), ['About the 100% harbour']);
      assert.deepEqual(await ids('q=_'), [], 'LIKE wildcards are literal');
      assert.deepEqual(await ids('author=ann'), ['About the 100% harbour']);
      assert.deepEqual(await ids('author=ANN@example.com'), ['About the 100% harbour']);
      assert.deepEqual(await ids('page=weather'), ['Nothing here']);
      assert.deepEqual(await ids('status=pending'), ['see https://spam.example']);
      assert.deepEqual(await ids('status=approved&page=p1'), ['About the 100% harbour']);
      const thread = await t.owner.json<{ page: { key: string }; comments: AdminComment[] }>(
        'GET',
        '/api/admin/thread?site=demo&page=p1',
      );
      assert.deepEqual(
        thread.comments.map((c) => [c.id === held.comment.id, c.status]),
        [
          [false, 'approved'],
          [true, 'pending'],
        ],
      );
      assert.equal(thread.comments[1]?.heldReason, 'links');
      const none = await t.owner.req('GET', '/api/admin/thread?site=demo&page=nope');
      assert.equal(none.status, 404);
    });

    test('a held comment is visible to its author with the edit token, to nobody else', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const { comment, editToken } = await t.post('p1', 'mine');
      const own = await t.send('GET', `/api/v1/comments/${comment.id}`, undefined, { authorization: `Bearer ${editToken}` });
      assert.equal(own.status, 200);
      const body = (await own.json()) as { comment: { status: string; body: string } };
      assert.equal(body.comment.status, 'pending');
      assert.equal(body.comment.body, 'mine');
      const anon = await t.send('GET', `/api/v1/comments/${comment.id}`);
      assert.equal(anon.status, 404);
      const other = await t.post('p1', 'someone else');
      const wrong = await t.send('GET', `/api/v1/comments/${comment.id}`, undefined, {
        authorization: `Bearer ${other.editToken}`,
      });
      assert.equal(wrong.status, 404);
      await t.owner.json('POST', `/api/admin/comments/${comment.id}/approve`);
      assert.equal((await t.send('GET', `/api/v1/comments/${comment.id}`)).status, 200);
    });

    test('every action is in the audit log, newest first', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      const { comment } = await t.post('p1', 'x');
      await t.owner.json('POST', `/api/admin/comments/${comment.id}/approve`);
      await t.owner.json('POST', `/api/admin/comments/${comment.id}/pin`);
      await t.owner.json('POST', '/api/admin/pages/lock', { site: 'demo', page: 'p1' });
      const log = await t.owner.json<{
        entries: { action: string; actor: { email: string }; target: string; site: string | null; at: string }[];
        nextCursor: string | null;
      }>('GET', '/api/admin/audit?limit=3');
      assert.deepEqual(
        log.entries.map((e) => e.action),
        ['page.lock', 'comment.pin', 'comment.approve'],
      );
      assert.equal(log.entries[2]?.actor.email, 'owner@example.com');
      assert.equal(log.entries[2]?.target, comment.id);
      assert.equal(log.entries[2]?.site, 'demo');
      assert.ok(log.nextCursor);
      const rest = await t.owner.json<{ entries: { action: string }[] }>('GET', `/api/admin/audit?cursor=${log.nextCursor}`);
      assert.deepEqual(
        rest.entries.map((e) => e.action),
        ['admin.login'],
      );
    });
  });
}
