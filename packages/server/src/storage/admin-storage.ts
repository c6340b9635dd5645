import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Migration } from 'kysely/migration';
import { KyselyStorage } from './kysely-storage.js';
import type { Database } from './schema.js';
import type { Dialect, Storage } from './types.js';

/** `admins` (migration `0010-admins`): one row per administrator account. */
export interface AdminTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (see `domain/passwords.ts`). */
  password_hash: string;
  role: string;
  /** 1 while the account still has its printed one-time password. */
  must_change_password: number;
  created_at: number;
  /** The console's language, a BCP 47 tag (migration `0090-admin-locale`); NULL reads as English. */
  locale: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `admin_sites`: the sites a moderator may moderate. */
export interface AdminSiteTable {
  admin_id: string;
  site_id: string;
}

/** `admin_sessions`: signed-in sessions, shared by every instance. Only the token's hash is kept. */
export interface AdminSessionTable {
  id_hash: string;
  admin_id: string;
  created_at: number;
  last_seen_at: number;
}

type AdminDatabase = Database & { admins: AdminTable; admin_sites: AdminSiteTable; admin_sessions: AdminSessionTable };

/** `0010-admins`: accounts, their sites and their sessions. */
export function adminsMigration(dialect: Dialect): Migration {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('admins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('admin_sites')
        .addColumn('admin_id', 'text', (c) => c.notNull().references('admins.id').onDelete('cascade'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('admin_sites_pk', ['admin_id', 'site_id'])
        .execute();
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('admin_id', 'text', (c) => c.notNull().references('admins.id').onDelete('cascade'))
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('last_seen_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('admin_sessions_admin').on('admin_sessions').column('admin_id').execute();
    },
  };
}

export type AdminRole = 'owner' | 'moderator';

/** An administrator account as stored. */
export interface AdminRecord {
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  /** A moderator's sites; empty for an owner. */
  sites: string[];
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: number;
  /** The language the account's console speaks (a BCP 47 tag); moderator mails to its address use it. Unset reads as English. */
  locale?: string | undefined;
}

export interface SessionRecord {
  idHash: string;
  adminId: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Accounts and sessions, kept apart from {@link Storage} (only the admin side uses them). */
export interface AdminStorage {
  countAdmins(): Promise<number>;
  createAdmin(admin: AdminRecord): Promise<void>;
  getAdmin(id: string): Promise<AdminRecord | undefined>;
  getAdminByEmail(email: string): Promise<AdminRecord | undefined>;
  listAdmins(): Promise<AdminRecord[]>;
  /** True if an account was removed (its sessions go with it). */
  removeAdmin(id: string): Promise<boolean>;
  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void>;
  /** Stores the language of the account's console (a canonical BCP 47 tag). */
  setLocale(id: string, locale: string): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, at: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of an account except `keep`. */
  deleteSessionsOf(adminId: string, keep?: string): Promise<void>;
  /** Forgets sessions idle since `idleBefore` or started before `startedBefore`. */
  deleteExpiredSessions(idleBefore: number, startedBefore: number): Promise<void>;
}

class KyselyAdminStorage implements AdminStorage {
  readonly #db: Kysely<AdminDatabase>;

  constructor(db: Kysely<AdminDatabase>) {
    this.#db = db;
  }

  async countAdmins(): Promise<number> {
    const row = await this.#db
      .selectFrom('admins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async createAdmin(a: AdminRecord): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('admins')
        .values({
          id: a.id,
          email: a.email,
          name: a.name,
          password_hash: a.passwordHash,
          role: a.role,
          must_change_password: a.mustChangePassword ? 1 : 0,
          created_at: a.createdAt,
          locale: a.locale ?? null,
        })
        .execute();
      if (a.sites.length) {
        await trx
          .insertInto('admin_sites')
          .values(a.sites.map((site_id) => ({ admin_id: a.id, site_id })))
          .execute();
      }
    });
  }

  async getAdmin(id: string): Promise<AdminRecord | undefined> {
    const row = await this.#db.selectFrom('admins').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.#withSites(row);
  }

  async getAdminByEmail(email: string): Promise<AdminRecord | undefined> {
    const row = await this.#db.selectFrom('admins').selectAll().where('email', '=', email).executeTakeFirst();
    return row && this.#withSites(row);
  }

  async listAdmins(): Promise<AdminRecord[]> {
    const rows = await this.#db.selectFrom('admins').selectAll().orderBy('email').execute();
    return Promise.all(rows.map((r) => this.#withSites(r)));
  }

  async removeAdmin(id: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      // Explicit deletes: SQLite enforces the cascades only with foreign_keys on.
      await trx.deleteFrom('admin_sessions').where('admin_id', '=', id).execute();
      await trx.deleteFrom('admin_sites').where('admin_id', '=', id).execute();
      const res = await trx.deleteFrom('admins').where('id', '=', id).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    });
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await this.#db
      .updateTable('admins')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async setLocale(id: string, locale: string): Promise<void> {
    await this.#db.updateTable('admins').set({ locale }).where('id', '=', id).execute();
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.#db
      .insertInto('admin_sessions')
      .values({ id_hash: s.idHash, admin_id: s.adminId, created_at: s.createdAt, last_seen_at: s.lastSeenAt })
      .execute();
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = await this.#db.selectFrom('admin_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    return (
      row && {
        idHash: row.id_hash,
        adminId: row.admin_id,
        createdAt: Number(row.created_at),
        lastSeenAt: Number(row.last_seen_at),
      }
    );
  }

  async touchSession(idHash: string, at: number): Promise<void> {
    await this.#db.updateTable('admin_sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#db.deleteFrom('admin_sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(adminId: string, keep?: string): Promise<void> {
    let q = this.#db.deleteFrom('admin_sessions').where('admin_id', '=', adminId);
    if (keep !== undefined) q = q.where('id_hash', '!=', keep);
    await q.execute();
  }

  async deleteExpiredSessions(idleBefore: number, startedBefore: number): Promise<void> {
    await this.#db
      .deleteFrom('admin_sessions')
      .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', startedBefore)]))
      .execute();
  }

  async #withSites(row: Selectable<AdminTable>): Promise<AdminRecord> {
    const sites = await this.#db
      .selectFrom('admin_sites')
      .select('site_id')
      .where('admin_id', '=', row.id)
      .orderBy('site_id')
      .execute();
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role === 'owner' ? 'owner' : 'moderator',
      sites: sites.map((s) => s.site_id),
      passwordHash: row.password_hash,
      mustChangePassword: Number(row.must_change_password) === 1,
      createdAt: Number(row.created_at),
      ...(row.locale ? { locale: row.locale } : {}),
    };
  }
}

/** The admin storage over the same database as `storage` (a {@link KyselyStorage}). */
export function adminStorageOf(storage: Storage): AdminStorage {
  if (!(storage instanceof KyselyStorage)) throw new Error('admin accounts need the Kysely storage');
  return new KyselyAdminStorage(
    storage.db.withTables<{ admins: AdminTable; admin_sites: AdminSiteTable; admin_sessions: AdminSessionTable }>(),
  );
}
