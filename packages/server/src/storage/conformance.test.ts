import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { backends } from '../test-support.js';
import { dropPostgresSchema, openPostgres } from './postgres/open.js';
import { openSqlite } from './sqlite/open.js';
import type { CommentRecord, NewComment, SortOrder, Storage } from './types.js';

/** One storage contract, run against every backend: SQLite always, PostgreSQL when configured. */

let seq = 0;
/** A new comment on `page` of site `s`; times increase so order is predictable. */
function draft(page: string, over: Partial<NewComment> = {}): NewComment {
  seq += 1;
  return {
    id: `c${String(seq).padStart(6, '0')}`,
    siteId: 's',
    page: { key: page, url: `https://example.com${page}`, title: `Title ${page}` },
    parentId: null,
    rootId: null,
    depth: 0,
    authorName: 'Ada',
    authorEmail: 'ada@example.org',
    authorWebsite: 'https://ada.example',
    body: `body ${seq}`,
    html: `<p>body ${seq}</p>`,
    status: 'approved',
    createdAt: 1_700_000_000_000 + seq * 1000,
    editTokenHash: `hash${seq}`,
    ipHash: 'iphash',
    ...over,
  };
}

async function withSite(open: () => Promise<Storage>): Promise<Storage> {
  const storage = await open();
  await storage.createSite(buildSite({ id: 's', origins: ['https://example.com'] }, 1));
  return storage;
}

async function reply(storage: Storage, parent: CommentRecord, over: Partial<NewComment> = {}): Promise<CommentRecord> {
  const page = await storage.getComment(parent.id);
  assert.ok(page);
  const { comment } = await storage.insertComment(
    draft(page.pageKey, { parentId: parent.id, rootId: parent.rootId ?? parent.id, depth: parent.depth + 1, ...over }),
  );
  return comment;
}

/** Every top-level comment of a page, walked with cursors `size` at a time. */
async function walk(storage: Storage, pageId: number, sort: SortOrder, size: number): Promise<string[]> {
  const ids: string[] = [];
  let last: CommentRecord | undefined;
  for (let i = 0; i < 100; i++) {
    const after = last && { createdAt: last.createdAt, id: last.id, score: last.up - last.down };
    const rows = await storage.listTopLevel(pageId, sort, size, after);
    ids.push(...rows.map((r) => r.id));
    if (rows.length < size) return ids;
    last = rows[rows.length - 1];
  }
  throw new Error('pagination did not end');
}

for (const backend of backends) {
  describe(`storage conformance on ${backend.name}`, () => {
    test('ping answers and a site round-trips with its origins and settings', async () => {
      const storage = await backend.open();
      await storage.ping();
      const site = buildSite(
        { id: 'news', name: 'News', origins: ['https://a.example', 'https://b.example'], settings: { maxLength: 500 } },
        42,
      );
      await storage.createSite(site);
      assert.deepEqual(await storage.getSite('news'), site);
      assert.equal(await storage.getSite('nope'), undefined);
      await storage.updateSite({ ...site, name: 'News 2', origins: ['https://c.example'] });
      const updated = await storage.getSite('news');
      assert.equal(updated?.name, 'News 2');
      assert.deepEqual(updated?.origins, ['https://c.example']);
      await storage.createSite(buildSite({ id: 'alpha', origins: ['https://x.example'] }, 43));
      assert.deepEqual(
        (await storage.listSites()).map((s) => s.id),
        ['alpha', 'news'],
      );
      await assert.rejects(storage.createSite(site), 'a second site with the same id is refused');
    });

    test('the first comment creates its page; later ones reuse it', async () => {
      const storage = await withSite(backend.open);
      assert.equal(await storage.getPage('s', '/p'), undefined);
      const first = await storage.insertComment(draft('/p'));
      assert.equal(first.page.key, '/p');
      assert.equal(first.page.url, 'https://example.com/p');
      assert.equal(first.page.title, 'Title /p');
      assert.equal(first.page.locked, false);
      const second = await storage.insertComment(draft('/p', { page: { key: '/p', url: 'https://other', title: 'Other' } }));
      assert.equal(second.page.id, first.page.id);
      assert.equal(second.page.title, 'Title /p', 'the page keeps the url and title it was created with');
      assert.deepEqual(await storage.getPage('s', '/p'), second.page);
      assert.ok(second.page.version > first.page.version);
    });

    test("every change to a page's comments raises its version, and only its own", async () => {
      const storage = await withSite(backend.open);
      const { comment, page } = await storage.insertComment(draft('/p'));
      const { page: other } = await storage.insertComment(draft('/other'));
      const version = async () => (await storage.getPage('s', '/p'))?.version ?? -1;
      let last = await version();
      assert.equal(last, page.version);
      const raised = async (what: string) => {
        const now = await version();
        assert.ok(now > last, `${what} raises the version`);
        last = now;
      };
      await reply(storage, comment);
      await raised('a reply');
      const expected = { status: 'approved' as const, editedAt: null };
      await storage.updateCommentBody({ id: comment.id, expected, body: 'b', html: '<p>b</p>', editedAt: 5 });
      await raised('an edit');
      await storage.vote(comment.id, 'v', 1, 6);
      await raised('a vote');
      assert.ok(await storage.softDeleteComment(comment.id, { status: 'approved', editedAt: 5 }));
      await raised('a deletion');
      await storage.setPageLocked('s', '/p', true, 7);
      await raised('locking');
      assert.equal((await storage.getPage('s', '/other'))?.version, other.version, 'other pages keep theirs');
    });

    test('a comment round-trips every field, with its site and page', async () => {
      const storage = await withSite(backend.open);
      const input = draft('/p', { authorWebsite: null, status: 'pending' });
      const { comment, page } = await storage.insertComment(input);
      const got = await storage.getComment(input.id);
      assert.deepEqual(got, { ...comment, siteId: 's', pageKey: '/p' });
      assert.equal(got?.pageId, page.id);
      assert.equal(got?.authorEmail, 'ada@example.org');
      assert.equal(got?.authorWebsite, null);
      assert.equal(got?.status, 'pending');
      assert.equal(got?.createdAt, input.createdAt);
      assert.equal(got?.editedAt, null);
      assert.equal(got?.editTokenHash, input.editTokenHash);
      assert.equal(await storage.getComment('missing'), undefined);
    });

    test('a comment id cannot be stored twice, and a failed insert leaves no page behind', async () => {
      const storage = await withSite(backend.open);
      const input = draft('/p');
      await storage.insertComment(input);
      await assert.rejects(storage.insertComment({ ...input, page: { ...input.page, key: '/other' } }));
      assert.equal(await storage.getPage('s', '/other'), undefined);
    });

    test('updating a body sets the text, HTML and edit time', async () => {
      const storage = await withSite(backend.open);
      const input = draft('/p');
      await storage.insertComment(input);
      const expected = { status: 'approved' as const, editedAt: null };
      const updated = await storage.updateCommentBody({
        id: input.id,
        expected,
        body: 'new',
        html: '<p>new</p>',
        editedAt: 1_800_000_000_000,
      });
      assert.equal(updated?.body, 'new');
      assert.equal(updated?.html, '<p>new</p>');
      assert.equal(updated?.editedAt, 1_800_000_000_000);
      assert.equal((await storage.getComment(input.id))?.body, 'new');
    });

    test('soft delete keeps the row and its place but wipes author, text and token', async () => {
      const storage = await withSite(backend.open);
      const { comment: top } = await storage.insertComment(draft('/p'));
      const child = await reply(storage, top);
      await storage.softDeleteComment(top.id, { status: 'approved', editedAt: null });
      const gone = await storage.getComment(top.id);
      assert.equal(gone?.status, 'deleted');
      assert.equal(gone?.body, '');
      assert.equal(gone?.html, '');
      assert.equal(gone?.authorName, '');
      assert.equal(gone?.authorEmail, null);
      assert.equal(gone?.authorWebsite, null);
      assert.equal(gone?.editTokenHash, null);
      assert.equal(gone?.parentId, null);
      assert.equal((await storage.getComment(child.id))?.parentId, top.id);
      const page = await storage.getPage('s', '/p');
      assert.ok(page);
      assert.deepEqual(
        (await storage.listTopLevel(page.id, 'oldest', 10)).map((c) => c.id),
        [top.id],
      );
    });

    test('top-level listing: oldest, newest and top order; only approved and deleted; cursors', async () => {
      const storage = await withSite(backend.open);
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await storage.insertComment(draft('/p'))).comment.id);
      const { comment: pending } = await storage.insertComment(draft('/p', { status: 'pending' }));
      const { comment: spam } = await storage.insertComment(draft('/p', { status: 'spam' }));
      await storage.insertComment(draft('/elsewhere'));
      const parent = await storage.getComment(ids[0] ?? '');
      assert.ok(parent);
      await reply(storage, parent);
      const page = await storage.getPage('s', '/p');
      assert.ok(page);

      const oldest = (await storage.listTopLevel(page.id, 'oldest', 100)).map((c) => c.id);
      assert.deepEqual(oldest, ids);
      assert.ok(!oldest.includes(pending.id) && !oldest.includes(spam.id));
      const newest = (await storage.listTopLevel(page.id, 'newest', 100)).map((c) => c.id);
      assert.deepEqual(newest, [...ids].reverse());

      // Votes: ids[3] +2, ids[5] +1, ids[1] -1; ties keep oldest first.
      await storage.vote(ids[3] ?? '', 'v1', 1, 1);
      await storage.vote(ids[3] ?? '', 'v2', 1, 1);
      await storage.vote(ids[5] ?? '', 'v1', 1, 1);
      await storage.vote(ids[1] ?? '', 'v1', -1, 1);
      const top = (await storage.listTopLevel(page.id, 'top', 100)).map((c) => c.id);
      assert.deepEqual(top, [ids[3], ids[5], ids[0], ids[2], ids[4], ids[6], ids[1]]);

      for (const sort of ['oldest', 'newest', 'top'] as const) {
        for (const size of [1, 2, 3, 7]) {
          const walked = await walk(storage, page.id, sort, size);
          const whole: string[] = (await storage.listTopLevel(page.id, sort, 100)).map((c) => c.id);
          assert.deepEqual(walked, whole, `${sort} by ${size}`);
        }
      }
    });

    test('reply outline: every reply of the given threads in any status, oldest first, without text', async () => {
      const storage = await withSite(backend.open);
      const { comment: a } = await storage.insertComment(draft('/p'));
      const { comment: b } = await storage.insertComment(draft('/p'));
      const a1 = await reply(storage, a);
      const b1 = await reply(storage, b);
      const a11 = await reply(storage, a1);
      const a2 = await reply(storage, a);
      const held = await reply(storage, a, { status: 'pending' });
      assert.equal(a11.rootId, a.id);
      assert.equal(a11.depth, 2);
      assert.deepEqual(await storage.listReplyOutline([a.id]), [
        { id: a1.id, parentId: a.id, rootId: a.id, createdAt: a1.createdAt, status: 'approved' },
        { id: a11.id, parentId: a1.id, rootId: a.id, createdAt: a11.createdAt, status: 'approved' },
        { id: a2.id, parentId: a.id, rootId: a.id, createdAt: a2.createdAt, status: 'approved' },
        { id: held.id, parentId: a.id, rootId: a.id, createdAt: held.createdAt, status: 'pending' },
      ]);
      assert.deepEqual(
        (await storage.listReplyOutline([a.id, b.id])).map((c) => c.id),
        [a1.id, b1.id, a11.id, a2.id, held.id],
      );
      assert.deepEqual(await storage.listReplyOutline([]), []);
    });

    test('replies: the visible ones of the given threads, oldest first, at most limit', async () => {
      const storage = await withSite(backend.open);
      const { comment: a } = await storage.insertComment(draft('/p'));
      const { comment: b } = await storage.insertComment(draft('/p'));
      const a1 = await reply(storage, a);
      const b1 = await reply(storage, b);
      const a11 = await reply(storage, a1);
      const a2 = await reply(storage, a);
      await reply(storage, a, { status: 'pending' });
      assert.deepEqual(
        (await storage.listReplies([a.id], 10)).map((c) => c.id),
        [a1.id, a11.id, a2.id],
      );
      assert.deepEqual(
        (await storage.listReplies([a.id, b.id], 10)).map((c) => c.id),
        [a1.id, b1.id, a11.id, a2.id],
      );
      assert.deepEqual(
        (await storage.listReplies([a.id, b.id], 3)).map((c) => c.id),
        [a1.id, b1.id, a11.id],
      );
      assert.deepEqual(await storage.listReplies([], 10), []);
    });

    test('comments by id: any number of them, unknown ids left out', async () => {
      const storage = await withSite(backend.open);
      const { comment: a } = await storage.insertComment(draft('/p'));
      const replies: CommentRecord[] = [];
      for (let i = 0; i < 3; i++) replies.push(await reply(storage, a, { body: `r${i}` }));
      const got = await storage.listCommentsById([replies[2]!.id, 'nope', a.id, replies[0]!.id]);
      assert.deepEqual(got.map((c) => c.id).sort(), [replies[2]!.id, a.id, replies[0]!.id].sort());
      assert.equal(got.find((c) => c.id === replies[2]!.id)?.body, 'r2');
      // More ids than one query binds (slices of 1,000): every known one found once.
      const many = [...Array.from({ length: 2500 }, (_, i) => `unknown-${i}`), replies[1]!.id];
      assert.deepEqual(
        (await storage.listCommentsById(many)).map((c) => c.id),
        [replies[1]!.id],
      );
      assert.deepEqual(await storage.listCommentsById([]), []);
    });

    test('counts: approved comments per page key; pages without any are absent', async () => {
      const storage = await withSite(backend.open);
      await storage.createSite(buildSite({ id: 'other', origins: ['https://o.example'] }, 1));
      const { comment: top } = await storage.insertComment(draft('/a'));
      await reply(storage, top);
      await storage.insertComment(draft('/a', { status: 'pending' }));
      const { comment: doomed } = await storage.insertComment(draft('/a'));
      await storage.softDeleteComment(doomed.id, { status: 'approved', editedAt: null });
      await storage.insertComment(draft('/b'));
      await storage.insertComment(draft('/a', { siteId: 'other' }));
      const counts = await storage.countApproved('s', ['/a', '/b', '/c']);
      assert.deepEqual(Object.fromEntries(counts), { '/a': 2, '/b': 1 });
      assert.deepEqual(Object.fromEntries(await storage.countApproved('s', [])), {});
    });

    test('votes: one per voter, changed or cleared, never added twice', async () => {
      const storage = await withSite(backend.open);
      const { comment } = await storage.insertComment(draft('/p'));
      assert.deepEqual(await storage.vote(comment.id, 'x', 1, 1), { up: 1, down: 0 });
      assert.deepEqual(await storage.vote(comment.id, 'x', 1, 2), { up: 1, down: 0 });
      assert.deepEqual(await storage.vote(comment.id, 'y', 1, 3), { up: 2, down: 0 });
      assert.deepEqual(await storage.vote(comment.id, 'x', -1, 4), { up: 1, down: 1 });
      assert.deepEqual(await storage.vote(comment.id, 'x', 0, 5), { up: 1, down: 0 });
      assert.deepEqual(await storage.vote(comment.id, 'x', 0, 6), { up: 1, down: 0 });
      const stored = await storage.getComment(comment.id);
      assert.equal(stored?.up, 1);
      assert.equal(stored?.down, 0);
    });

    test('concurrent votes by one voter leave exactly one vote', async () => {
      const storage = await withSite(backend.open);
      const { comment } = await storage.insertComment(draft('/p'));
      const values = Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : -1) as 1 | -1);
      await Promise.all(values.map((v, i) => storage.vote(comment.id, 'same', v, i)));
      const stored = await storage.getComment(comment.id);
      assert.equal((stored?.up ?? 0) + (stored?.down ?? 0), 1);
      await Promise.all(values.map((_, i) => storage.vote(comment.id, `voter${i}`, 1, i)));
      const after = await storage.getComment(comment.id);
      assert.equal((after?.up ?? 0) + (after?.down ?? 0), 21, 'twenty more voters add twenty votes');
    });

    test('locking a page: creates it when needed, refuses nothing itself, unlocks again', async () => {
      const storage = await withSite(backend.open);
      const fresh = await storage.setPageLocked('s', '/new', true, 7);
      assert.equal(fresh.locked, true);
      assert.equal(fresh.key, '/new');
      assert.equal((await storage.getPage('s', '/new'))?.locked, true);
      const { page } = await storage.insertComment(draft('/old'));
      const locked = await storage.setPageLocked('s', '/old', true, 8);
      assert.equal(locked.id, page.id);
      assert.equal(locked.title, 'Title /old');
      assert.equal((await storage.setPageLocked('s', '/old', false, 9)).locked, false);
    });

    test('the secret is created once and shared by concurrent first calls', async () => {
      const storage = await backend.open();
      const secrets = await Promise.all(Array.from({ length: 8 }, () => storage.secret()));
      assert.equal(new Set(secrets).size, 1);
      assert.match(secrets[0] ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.equal(await storage.secret(), secrets[0]);
    });
  });
}

describe('storage conformance: re-opening', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-conf-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('SQLite: migrations are idempotent and data and secret survive a re-open', async () => {
    const file = join(dir, 'db.sqlite');
    const first = await openSqlite(file);
    await first.createSite(buildSite({ id: 's', origins: ['https://example.com'] }, 1));
    await first.insertComment(draft('/p'));
    const secret = await first.secret();
    await first.close();
    const second = await openSqlite(file);
    assert.equal(await second.secret(), secret);
    assert.equal((await second.countApproved('s', ['/p'])).get('/p'), 1);
    await second.close();
    const third = await openSqlite(file);
    assert.equal((await third.listSites()).length, 1);
    await third.close();
  });

  test('SQLite: two storages on one file opened at once share one secret', async () => {
    const file = join(dir, 'shared.sqlite');
    const a = await openSqlite(file);
    const b = await openSqlite(file);
    const [sa, sb] = await Promise.all([a.secret(), b.secret()]);
    assert.equal(sa, sb);
    await Promise.all([a.close(), b.close()]);
  });

  const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;
  if (pgUrl) {
    test('PostgreSQL: concurrent first opens migrate once; data and secret survive a re-open', async () => {
      const schema = `parley_reopen_${process.pid}_${Date.now() % 100000}`;
      try {
        const [a, b] = await Promise.all([openPostgres(pgUrl, { schema, max: 2 }), openPostgres(pgUrl, { schema, max: 2 })]);
        await a.createSite(buildSite({ id: 's', origins: ['https://example.com'] }, 1));
        await a.insertComment(draft('/p'));
        const [sa, sb] = await Promise.all([a.secret(), b.secret()]);
        assert.equal(sa, sb);
        await Promise.all([a.close(), b.close()]);
        const c = await openPostgres(pgUrl, { schema, max: 2 });
        assert.equal(await c.secret(), sa);
        assert.equal((await c.countApproved('s', ['/p'])).get('/p'), 1);
        await c.close();
      } finally {
        await dropPostgresSchema(pgUrl, schema);
      }
    });
  }
});
