import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSite } from '../domain/sites.js';
import { reopenableBackends } from '../test-support.js';

/** Re-openable storages: the upgrade test closes a database and opens it again. */
const reopeners = reopenableBackends('parley-held-at-');

for (const backend of reopeners) {
  test(`upgrading to 0070 on ${backend.name}: comments held again after an edit take their last edit as held_at`, async () => {
    const old = await backend.open();
    await old.createSite(buildSite({ id: 'demo', origins: [] }, 1));
    const page = await old.db
      .insertInto('pages')
      .values({ site_id: 'demo', key: '/p', url: '', title: '', locked: 0, created_at: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = (id: string, status: string, announced: number, heldReason: string | null, editedAt: number | null) => ({
      id,
      page_id: Number(page.id),
      parent_id: null,
      root_id: null,
      depth: 0,
      author_name: 'A',
      author_email: null,
      author_website: null,
      body: id,
      html: id,
      status,
      created_at: 10,
      edited_at: editedAt,
      up: 0,
      down: 0,
      edit_token_hash: null,
      ip_hash: null,
      held_reason: heldReason,
      announced,
    });
    await old.db
      .insertInto('comments')
      .values([
        row('again', 'pending', 1, 'links', 500),
        row('at-post', 'pending', 0, 'moderation-all', 400),
        row('flagged', 'pending', 1, 'flags', 300),
        row('approved', 'approved', 1, 'links', 200),
      ])
      .execute();
    // The database as it was before 0070.
    await old.db.schema.alterTable('comments').dropColumn('held_at').execute();
    await old.db
      .deleteFrom('parley_migrations' as never)
      .where('name' as never, '=', '0070-comment-held-at' as never)
      .execute();
    await old.close();

    const upgraded = await backend.open();
    try {
      assert.deepEqual(upgraded.migrationsApplied, ['0070-comment-held-at']);
      const rows = await upgraded.db.selectFrom('comments').select(['id', 'held_at']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.held_at === null ? null : Number(r.held_at)]),
        [
          ['again', 500],
          ['approved', null],
          ['at-post', null],
          ['flagged', null],
        ],
      );
    } finally {
      await upgraded.close();
    }
  });
}
