import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { dropPostgresSchema, openPostgres } from './open.js';

const url = process.env.PARLEY_TEST_DATABASE_URL;

// Runs where PostgreSQL is configured, as every PostgreSQL test does (CI sets the URL).
if (url)
  describe('PostgreSQL: the migrator looks at its own schema only', () => {
    const pgUrl = url;
    const name = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;
    const other = name('parley_other');
    const schemas: string[] = [other];
    const admin = new pg.Client({ connectionString: pgUrl });
    // Another application's schema, with a table that has a sequence and one named like ours.
    before(async () => {
      await admin.connect();
      await admin.query(`create schema "${other}"`);
      await admin.query(`create table "${other}".parley_migrations (name text primary key)`);
      await admin.query(`create table "${other}".decoy (id serial primary key)`);
    });
    after(async () => {
      await admin.end();
      for (const schema of schemas) await dropPostgresSchema(pgUrl, schema);
    });

    const open = async () => {
      const schema = name('parley_test');
      schemas.push(schema);
      return openPostgres(pgUrl, { schema, max: 1 });
    };

    test('introspection names the tables of the current schema, none of another', async () => {
      const storage = await open();
      try {
        const tables = await storage.db.introspection.getTables({ withInternalKyselyTables: true });
        const names = tables.map((t) => t.name);
        assert.ok(names.includes('comments') && names.includes('parley_migrations'), names.join(' '));
        assert.ok(!names.includes('decoy'));
        const current = await storage.db.introspection.getSchemas();
        assert.deepEqual(new Set(tables.map((t) => t.schema)), new Set(current.map((s) => s.name)));
        assert.equal(current.length, 1);
      } finally {
        await storage.close();
      }
    });

    test('opening and migrating succeeds while another client alters tables in another schema', async () => {
      let churning = true;
      const churn = (async () => {
        let rounds = 0;
        while (churning || rounds < 10) {
          await admin.query(`alter table "${other}".decoy add column extra integer`);
          await admin.query(`alter table "${other}".decoy drop column extra`);
          rounds++;
        }
        return rounds;
      })();
      try {
        for (let i = 0; i < 5; i++) {
          const storage = await open();
          assert.ok(storage.migrationsApplied.length > 10, 'a fresh schema applies every migration');
          await storage.close();
        }
      } finally {
        churning = false;
      }
      assert.ok((await churn) >= 10, 'the other client kept altering its table meanwhile');
    });
  });
