import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ApiComment, backends, problemOf, testApp } from '../../test-support.js';
import { createApp } from '../app.js';

/**
 * Reply paging (docs/api.md, "Replies"): a listing bounds each thread's replies, says how many
 * it left out and gives a cursor; `root=` walks the rest and `around=` opens one for a permalink.
 */

/** A top-level comment as a listing shows it, with the reply-paging members. */
type Thread = ApiComment & { moreReplies?: number; repliesCursor?: string };
interface Replies {
  root: string;
  replies: ApiComment[];
  moreReplies: number;
  nextCursor: string | null;
}

/** Ids in thread order: depth first, each comment's replies in the order given. */
const flat = (list: ApiComment[] = []): string[] => list.flatMap((c) => [c.id, ...flat(c.replies)]);
/** Each comment as `[id, [its replies]]`. */
const shape = (list: ApiComment[] = []): unknown[] => list.map((c) => [c.id, shape(c.replies)]);

/**
 * Puts each answer's sub-threads under the parents earlier answers brought, as a client does;
 * throws if a reply's parent has not come yet (the tree shape would be broken).
 */
function graft(root: ApiComment, pages: ApiComment[][]): ApiComment {
  const byId = new Map<string, ApiComment>();
  const own = (c: ApiComment): ApiComment => {
    const copy = { ...c, replies: (c.replies ?? []).map(own) };
    byId.set(c.id, copy);
    return copy;
  };
  const tree = own(root);
  for (const page of pages) {
    for (const sub of page) {
      const parent = byId.get(sub.parentId ?? '');
      assert.ok(parent, `the parent of ${sub.id} came before it`);
      parent.replies?.push(own(sub));
    }
  }
  return tree;
}

for (const backend of backends) {
  describe(`reply paging on ${backend.name}`, () => {
    test('a listing carries 50 replies per thread, counts the rest and gives the cursor to them', async () => {
      const t = await testApp(backend);
      const top = (await t.post('/fifty', 'top')).comment;
      const small = (await t.post('/fifty', 'small')).comment;
      await t.post('/fifty', 'only reply', { parentId: small.id });
      for (let i = 0; i < 52; i++) await t.post('/fifty', `r${i}`, { parentId: top.id });
      const listing = await t.list('/fifty', '&limit=1');
      const [thread] = listing.comments as Thread[];
      assert.equal(thread?.replies?.length, 50);
      assert.deepEqual(
        thread?.replies?.map((r) => r.body),
        Array.from({ length: 50 }, (_, i) => `r${i}`),
      );
      assert.equal(thread?.moreReplies, 2);
      assert.equal(typeof thread?.repliesCursor, 'string');
      assert.equal(listing.page.count, 55, 'the count still has every comment');
      const rest = (await (
        await t.send('GET', `/api/v1/comments?site=demo&page=/fifty&root=${top.id}&cursor=${thread?.repliesCursor}`)
      ).json()) as Replies;
      assert.deepEqual(
        rest.replies.map((r) => r.body),
        ['r50', 'r51'],
      );
      assert.deepEqual([rest.root, rest.moreReplies, rest.nextCursor], [top.id, 0, null]);
      const second = (await t.list('/fifty', `&limit=1&cursor=${listing.nextCursor}`)).comments[0] as Thread;
      assert.equal(second.replies?.length, 1);
      assert.equal('moreReplies' in second || 'repliesCursor' in second, false, 'nothing left out, no members');
    });

    test('the cursor walk yields every reply once, in thread order, keeping the tree shape', async () => {
      const t = await testApp(backend, {}, undefined, { listingReplies: 3 });
      const post = async (body: string, parent?: ApiComment) =>
        (await t.post('/walk', body, parent ? { parentId: parent.id } : {})).comment;
      const hide = (c: ApiComment) =>
        t.storage.updateCommentBody({
          id: c.id,
          expected: { status: 'approved', editedAt: null },
          body: 'x',
          html: '<p>x</p>',
          editedAt: Date.now(),
          hold: 'flags',
        });
      const root = await post('root');
      const a = await post('a', root);
      const b = await post('b', root);
      const a1 = await post('a1', a);
      const a1x = await post('a1x', a1);
      const c = await post('c', root);
      const b1 = await post('b1', b);
      const gone = await post('gone', c);
      const c1 = await post('c1', c);
      const husk = await post('husk', root);
      const under = await post('under husk', husk);
      const held = await post('held', root);
      const after = await post('after', a1x);
      const last = await post('last', b1);
      const heldDeep = await post('held deep', c1);
      await t.storage.softDeleteComment(gone.id, { status: 'approved', editedAt: null });
      await t.storage.softDeleteComment(husk.id, { status: 'approved', editedAt: null });
      await hide(held);
      await hide(heldDeep);
      // Depth first, oldest first among siblings; the deleted leaf and the held replies left out,
      // the deleted comment with a reply kept as a husk.
      const order = [a, a1, a1x, after, b, b1, last, c, c1, husk, under].map((x) => x.id);
      const tree = [
        [a.id, [[a1.id, [[a1x.id, [[after.id, []]]]]]]],
        [b.id, [[b1.id, [[last.id, []]]]]],
        [c.id, [[c1.id, []]]],
        [husk.id, [[under.id, []]]],
      ];

      // Read whole (a listing whose threads are small, one query) it is the same tree.
      const whole = createApp({ storage: t.storage, listingReplies: 100 });
      const all = (await (await whole.request('/api/v1/comments?site=demo&page=/walk')).json()) as { comments: Thread[] };
      assert.deepEqual(shape(all.comments[0]?.replies), tree);
      assert.equal(all.comments[0]?.moreReplies, undefined);

      const listed = (await t.list('/walk')).comments[0] as Thread;
      assert.deepEqual(flat(listed.replies), order.slice(0, 3), 'the first three in thread order');
      assert.deepEqual(shape(listed.replies), [[a.id, [[a1.id, [[a1x.id, []]]]]]], 'nested under their parents');
      assert.equal(listed.moreReplies, 8);
      for (const limit of [1, 2, 5, 100]) {
        const pages: ApiComment[][] = [];
        let cursor = listed.repliesCursor;
        let left: number = listed.moreReplies ?? 0;
        while (cursor) {
          const res = await t.send(
            'GET',
            `/api/v1/comments?site=demo&page=/walk&root=${root.id}&cursor=${cursor}&limit=${limit}`,
          );
          assert.equal(res.status, 200);
          const page = (await res.json()) as Replies;
          assert.ok(flat(page.replies).length <= limit, 'bounded by limit');
          left -= flat(page.replies).length;
          assert.equal(page.moreReplies, left, 'what is left after this page');
          pages.push(page.replies);
          cursor = page.nextCursor ?? undefined;
        }
        const walked = [...flat(listed.replies), ...pages.flatMap((p) => flat(p))];
        assert.deepEqual(walked, order, `limit ${limit}: every reply once, in order`);
        assert.deepEqual(shape(graft(listed, pages).replies), tree, `limit ${limit}: the same tree`);
      }
      // Without a cursor, `root=` starts at the first reply.
      const start = (await (
        await t.send('GET', `/api/v1/comments?site=demo&page=/walk&root=${root.id}&limit=3`)
      ).json()) as Replies;
      assert.deepEqual(flat(start.replies), order.slice(0, 3));
      // A cursor keeps its place when the reply it names is hidden after it was given.
      const mid = (await (
        await t.send('GET', `/api/v1/comments?site=demo&page=/walk&root=${root.id}&cursor=${listed.repliesCursor}&limit=3`)
      ).json()) as Replies;
      assert.deepEqual(flat(mid.replies), order.slice(3, 6));
      await hide(b1);
      const resumed = (await (
        await t.send('GET', `/api/v1/comments?site=demo&page=/walk&root=${root.id}&cursor=${mid.nextCursor}`)
      ).json()) as Replies;
      assert.deepEqual(flat(resumed.replies), [c.id, c1.id, husk.id, under.id], 'after b1 (now held; its reply with it)');
    });

    test('a new reply shows in the listing and the reply pages of its thread at once (cache)', async () => {
      const t = await testApp(backend, {}, undefined, { listingReplies: 2 });
      const root = (await t.post('/fresh', 'root')).comment;
      const r = [];
      for (let i = 0; i < 4; i++) r.push((await t.post('/fresh', `r${i}`, { parentId: root.id })).comment);
      const read = async () => (await t.list('/fresh')).comments[0] as Thread;
      const rest = async (cursor?: string) =>
        (await (
          await t.send('GET', `/api/v1/comments?site=demo&page=/fresh&root=${root.id}&cursor=${cursor}`)
        ).json()) as Replies;
      const before = await read();
      assert.equal(before.moreReplies, 2);
      assert.deepEqual((await read()).moreReplies, 2, 'again, from the cache');
      const cursor = before.repliesCursor;
      assert.deepEqual(
        (await rest(cursor)).replies.map((c) => c.body),
        ['r2', 'r3'],
      );
      assert.deepEqual(
        (await rest(cursor)).replies.map((c) => c.body),
        ['r2', 'r3'],
        'cached',
      );
      await t.post('/fresh', 'r4', { parentId: root.id });
      assert.equal((await read()).moreReplies, 3);
      assert.deepEqual(
        (await rest(cursor)).replies.map((c) => c.body),
        ['r2', 'r3', 'r4'],
      );
      // A reply inside the first page pushes its last reply out to the next.
      const answer = (await t.post('/fresh', 'r0 answered', { parentId: r[0]?.id })).comment;
      const after = await read();
      assert.deepEqual(shape(after.replies), [[r[0]?.id, [[answer.id, []]]]]);
      assert.equal(after.moreReplies, 4);
      assert.deepEqual(
        (await rest(after.repliesCursor)).replies.map((c) => c.body),
        ['r1', 'r2', 'r3', 'r4'],
      );
    });

    test('around=<id> opens a left-out reply with its ancestors and the replies after it', async () => {
      const t = await testApp(backend, {}, undefined, { listingReplies: 2 });
      const root = (await t.post('/around', 'root')).comment;
      const a = (await t.post('/around', 'a', { parentId: root.id })).comment;
      await t.post('/around', 'b', { parentId: root.id });
      const c = (await t.post('/around', 'c', { parentId: root.id })).comment;
      const c1 = (await t.post('/around', 'c1', { parentId: c.id })).comment;
      const c1x = (await t.post('/around', 'c1x', { parentId: c1.id })).comment;
      const c1y = (await t.post('/around', 'c1y', { parentId: c1.id })).comment;
      await t.post('/around', 'd', { parentId: root.id });
      const held = (await t.post('/around', 'a held reply', { parentId: a.id })).comment;
      await t.storage.updateCommentBody({
        id: held.id,
        expected: { status: 'approved', editedAt: null },
        body: 'x',
        html: '<p>x</p>',
        editedAt: Date.now(),
        hold: 'flags',
      });
      const around = async (id: string, q = '') => t.send('GET', `/api/v1/comments?site=demo&page=/around&around=${id}${q}`);
      const page = (await (await around(c1x.id, '&limit=2')).json()) as Replies;
      assert.equal(page.root, root.id);
      assert.deepEqual(
        shape(page.replies),
        [
          [
            c.id,
            [
              [
                c1.id,
                [
                  [c1x.id, []],
                  [c1y.id, []],
                ],
              ],
            ],
          ],
        ],
        'its ancestors, then two replies from it on',
      );
      assert.equal(page.moreReplies, 1, 'd is left');
      const topLevel = (await (await around(root.id, '&limit=2')).json()) as Replies;
      assert.deepEqual(
        topLevel.replies.map((r) => r.body),
        ['a', 'b'],
        'around a top-level comment: its first replies',
      );
      for (const id of [held.id, 'nosuchcommnt']) {
        const res = await around(id);
        assert.equal(res.status, 404);
        assert.equal((await problemOf(res)).code, 'comment-not-found');
      }
    });

    test('unknown roots, replies as roots and forged cursors are problems with stable codes, never 500', async () => {
      const t = await testApp(backend, {}, undefined, { listingReplies: 1 });
      const root = (await t.post('/bad', 'root')).comment;
      const reply = (await t.post('/bad', 'reply', { parentId: root.id })).comment;
      await t.post('/bad', 'reply 2', { parentId: root.id });
      const other = (await t.post('/other', 'elsewhere')).comment;
      await t.post('/other', 'its reply', { parentId: other.id });
      const held = (await t.post('/bad', 'held')).comment;
      await t.storage.updateCommentBody({
        id: held.id,
        expected: { status: 'approved', editedAt: null },
        body: 'x',
        html: '<p>x</p>',
        editedAt: Date.now(),
        hold: 'flags',
      });
      const listed = (await t.list('/bad')).comments[0] as Thread;
      const otherCursor = ((await t.list('/other')).comments[0] as Thread).repliesCursor;
      const top = await t.list('/bad', '&limit=1');
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const get = (q: string, page = '/bad') => t.send('GET', `/api/v1/comments?site=demo&page=${page}&${q}`);
      const cases: [string, number, string, string?][] = [
        [`root=nosuchcommnt`, 404, 'comment-not-found'],
        [`root=${reply.id}`, 404, 'comment-not-found'],
        [`root=${other.id}`, 404, 'comment-not-found'],
        [`root=${held.id}`, 404, 'comment-not-found'],
        [`root=${root.id}`, 404, 'comment-not-found', '/no-comments-here'],
        [`around=${other.id}`, 404, 'comment-not-found'],
        [`root=${root.id}&cursor=!!!`, 422, 'invalid-cursor'],
        [`root=${root.id}&cursor=bm90IGpzb24`, 422, 'invalid-cursor'],
        [`root=${root.id}&cursor=${b64(null)}`, 422, 'invalid-cursor'],
        [`root=${root.id}&cursor=${b64({ r: root.id, i: 5 })}`, 422, 'invalid-cursor'],
        [`root=${root.id}&cursor=${b64({ r: root.id, i: other.id })}`, 422, 'invalid-cursor'],
        [`root=${root.id}&cursor=${top.nextCursor}`, 422, 'invalid-cursor'],
        [`root=${root.id}&cursor=${otherCursor}`, 422, 'invalid-cursor'],
        [`root=${root.id}&around=${reply.id}`, 422, 'invalid-fields'],
        [`around=${reply.id}&cursor=${listed.repliesCursor}`, 422, 'invalid-fields'],
        [`root=`, 422, 'invalid-fields'],
        [`root=${'x'.repeat(65)}`, 422, 'invalid-fields'],
      ];
      for (const [q, status, code, page] of cases) {
        const res = await get(q, page);
        assert.equal(res.status, status, q);
        assert.equal((await problemOf(res)).code, code, q);
      }
      const site = await t.send('GET', `/api/v1/comments?site=nosuch&page=/bad&root=${root.id}`);
      assert.equal((await problemOf(site)).code, 'site-not-found');
      // A reply cursor where a listing cursor goes is the listing's bad cursor, as before.
      assert.equal((await problemOf(await get(`cursor=${listed.repliesCursor}`))).code, 'bad-request');
    });
  });
}
