import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSite, DEFAULT_SETTINGS, settingsOf } from '../domain/sites.js';
import { reopenableBackends } from '../test-support.js';

/** Re-openable storages: the upgrade test closes a database and opens it again. */
const reopeners = reopenableBackends('parley-upgrade-');

for (const backend of reopeners) {
  test(`upgrading to 0015 on ${backend.name}: existing sites keep posting without a form token, new sites require one`, async () => {
    // A database as it was before 0015: no held_reason, no indexes, sites without the setting.
    const old = await backend.open();
    await old.db.schema.dropIndex('comments_email_time').execute();
    await old.db.schema.dropIndex('comments_ip_time').execute();
    await old.db.schema.alterTable('comments').dropColumn('held_reason').execute();
    await old.db.schema.alterTable('comments').dropColumn('flags').execute();
    await old.db
      .deleteFrom('parley_migrations' as never)
      .where('name' as never, '=', '0015-held-reason' as never)
      .execute();
    const { requireFormToken: _, ...before } = DEFAULT_SETTINGS;
    await old.db
      .insertInto('sites')
      .values([
        { id: 'legacy', name: 'Legacy', origins: '[]', settings: JSON.stringify(before), created_at: 1 },
        // A site that already states the setting keeps it.
        {
          id: 'chosen',
          name: 'Chosen',
          origins: '[]',
          settings: JSON.stringify({ ...before, requireFormToken: true }),
          created_at: 1,
        },
      ])
      .execute();
    await old.close();

    const upgraded = await backend.open();
    try {
      assert.deepEqual(upgraded.migrationsApplied, ['0015-held-reason']);
      const legacy = await upgraded.getSite('legacy');
      const chosen = await upgraded.getSite('chosen');
      assert.ok(legacy && chosen);
      assert.equal(settingsOf(legacy).requireFormToken, false);
      assert.equal(settingsOf(chosen).requireFormToken, true);
      await upgraded.createSite(buildSite({ id: 'fresh', origins: [] }, 2));
      const fresh = await upgraded.getSite('fresh');
      assert.ok(fresh);
      assert.equal(settingsOf(fresh).requireFormToken, true);
    } finally {
      await upgraded.close();
    }
  });
}
