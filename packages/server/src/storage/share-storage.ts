import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { KyselyStorage } from './kysely-storage.js';
import type { Database } from './schema.js';
import type { Dialect, Storage } from './types.js';

/** `share_totals` (migration `0002-shares`): one running count per site, page and service. */
export interface ShareTotalTable {
  site_id: string;
  page_key: string;
  service: string;
  count: number;
}

/**
 * `share_seen`: who was already counted today, so a visitor adds at most one per service, page
 * and day. `visitor` is a keyed hash of the IP prefix and the day, never the address; rows older
 * than yesterday are deleted as new shares come in.
 */
export interface ShareSeenTable {
  site_id: string;
  page_key: string;
  service: string;
  visitor: string;
  /** Days since the epoch (UTC). */
  day: number;
}

type ShareDatabase = Database & { share_totals: ShareTotalTable; share_seen: ShareSeenTable };

/** `0002-shares`: the two share tables; written once for both databases. */
export function sharesMigration(dialect: Dialect): Migration {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('share_totals')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('page_key', 'text', (c) => c.notNull())
        .addColumn('service', 'text', (c) => c.notNull())
        .addColumn('count', bigint, (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('share_totals_pk', ['site_id', 'page_key', 'service'])
        .execute();
      await db.schema
        .createTable('share_seen')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('page_key', 'text', (c) => c.notNull())
        .addColumn('service', 'text', (c) => c.notNull())
        .addColumn('visitor', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('share_seen_pk', ['site_id', 'page_key', 'service', 'visitor'])
        .execute();
      await db.schema.createIndex('share_seen_day').on('share_seen').column('day').execute();
    },
  };
}

/** One share as the domain has checked it. */
export interface ShareEvent {
  siteId: string;
  pageKey: string;
  service: string;
  /** Keyed hash standing for one visitor on one day. */
  visitor: string;
  day: number;
}

/** Share counts, kept apart from {@link Storage} (only the share routes use them). */
export interface ShareStorage {
  /** Counts the share unless this visitor already shared this page there today; true if counted. */
  recordShare(event: ShareEvent): Promise<boolean>;
  /** Totals by service for one page; services never shared are absent. */
  shareTotals(siteId: string, pageKey: string): Promise<Map<string, number>>;
}

class KyselyShareStorage implements ShareStorage {
  readonly #db: Kysely<ShareDatabase>;

  constructor(db: Kysely<ShareDatabase>) {
    this.#db = db;
  }

  recordShare(e: ShareEvent): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const seen = await trx
        .insertInto('share_seen')
        .values({ site_id: e.siteId, page_key: e.pageKey, service: e.service, visitor: e.visitor, day: e.day })
        .onConflict((oc) => oc.columns(['site_id', 'page_key', 'service', 'visitor']).doNothing())
        .executeTakeFirst();
      const counted = Number(seen.numInsertedOrUpdatedRows ?? 0) > 0;
      if (counted) {
        await trx
          .insertInto('share_totals')
          .values({ site_id: e.siteId, page_key: e.pageKey, service: e.service, count: 1 })
          .onConflict((oc) =>
            oc.columns(['site_id', 'page_key', 'service']).doUpdateSet((eb) => ({ count: eb('share_totals.count', '+', 1) })),
          )
          .execute();
      }
      // Yesterday's rows stay so that a share just after midnight UTC is still told apart.
      await trx
        .deleteFrom('share_seen')
        .where('day', '<', e.day - 1)
        .execute();
      return counted;
    });
  }

  async shareTotals(siteId: string, pageKey: string): Promise<Map<string, number>> {
    const rows = await this.#db
      .selectFrom('share_totals')
      .select(['service', 'count'])
      .where('site_id', '=', siteId)
      .where('page_key', '=', pageKey)
      .execute();
    return new Map(rows.map((r) => [r.service, Number(r.count)]));
  }
}

/** The share storage over the same database as `storage` (a {@link KyselyStorage}). */
export function shareStorageOf(storage: Storage): ShareStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('share counts need the Kysely storage');
  return new KyselyShareStorage(storage.db.withTables<{ share_totals: ShareTotalTable; share_seen: ShareSeenTable }>());
}
