import type { Context } from 'hono';
import { z } from 'zod';
import { type AdminComment, adminThreads, presentAdmin } from '../../domain/admin-present.js';
import { isClosedByAge } from '../../domain/comment-listing.js';
import { BULK_ACTIONS, canModerate, visibleSites } from '../../domain/moderation.js';
import { Problem } from '../../domain/problem.js';
import { settingsOf } from '../../domain/sites.js';
import type { AdminCommentRow, CommentSearch } from '../../storage/admin-moderation-storage.js';
import type { CommentStatus } from '../../storage/types.js';
import type { AdminApp, AdminDeps, AdminEnv } from './env.js';
import { bodyOf, decodeCursor, encodeCursor, queryOf } from './validate.js';

const STATUSES = ['approved', 'pending', 'spam', 'rejected', 'deleted'] as const;
const KINDS = ['pending', 'spam', 'flagged'] as const;
const SiteId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const Limit = z.coerce.number().int().min(1).max(100).default(50);

/** `a,b,c` into a list of allowed words; 422 names an unknown one. */
const csv = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .max(200)
    .transform((v, ctx) => {
      const words = v
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean);
      for (const w of words) {
        if (!allowed.includes(w as T)) ctx.addIssue({ code: 'custom', message: `"${w}" is not one of ${allowed.join(', ')}` });
      }
      return words as T[];
    });

const QueueQuery = z.object({
  site: SiteId.optional(),
  kind: csv(KINDS).optional(),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
const SearchQuery = z.object({
  site: SiteId.optional(),
  q: z.string().max(500).optional(),
  author: z.string().max(320).optional(),
  page: z.string().max(2048).optional(),
  status: csv(STATUSES).optional(),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
const ThreadQuery = z.object({ site: SiteId, page: z.string().min(1).max(2048) });
const Id = z.string().min(1).max(64);
/** `AdminComment.version` as the client last saw it: a decision or edit applies only to that (409 otherwise). */
const Version = z.string().min(1).max(64);
const Decision = z.object({ version: Version.optional() });
const Body = z.object({ body: z.string().max(60_000), version: Version.optional() });
const Bulk = z.object({
  action: z.enum(BULK_ACTIONS),
  ids: z.array(Id).min(1).max(100),
  versions: z
    .record(Id, Version)
    .refine((v) => Object.keys(v).length <= 100, 'at most 100 entries')
    .optional(),
});
const PageRef = z.object({ site: SiteId, page: z.string().min(1).max(2048) });

/** The most comments the thread view returns for one page. */
const THREAD_LIMIT = 5000;

/** Queue, search, thread view and every comment action. */
export function commentRoutes(app: AdminApp, deps: AdminDeps): void {
  const { moderation } = deps;
  /** Presents rows with each site's auto-close age (the few sites are read once per request). */
  const presenter = async (): Promise<(row: AdminCommentRow) => AdminComment> => {
    const [secret, sites] = await Promise.all([deps.storage.secret(), deps.storage.listSites()]);
    const days = new Map(sites.map((s) => [s.id, settingsOf(s).autoCloseDays]));
    const now = deps.now();
    return (row) => presentAdmin(row, secret, days.get(row.siteId) ?? 0, now);
  };
  const show = async (row: AdminCommentRow): Promise<AdminComment> => (await presenter())(row);

  /** Runs a search limited to what the actor may see, newest first, with a cursor. */
  const search = async (
    c: Context<AdminEnv>,
    q: Omit<CommentSearch, 'sites' | 'limit' | 'before'>,
    site: string | undefined,
    limit: number,
    cursor: string | undefined,
  ) => {
    const actor = c.get('actor');
    let sites = visibleSites(actor);
    if (site) sites = canModerate(actor, site) ? [site] : [];
    const after = decodeCursor(cursor);
    const rows = await moderation.mod.searchComments({
      ...q,
      sites,
      limit: limit + 1,
      before: after && { createdAt: after.at, id: after.id },
    });
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const last = shown[shown.length - 1];
    const present = await presenter();
    return c.json(
      {
        comments: shown.map(present),
        nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null,
      },
      200,
    );
  };

  app.get('/queue', async (c) => {
    const q = queryOf(c, QueueQuery);
    const kinds = q.kind?.length ? q.kind : [...KINDS];
    const statuses = kinds.filter((k): k is 'pending' | 'spam' => k !== 'flagged');
    return search(c, { statuses, flagged: kinds.includes('flagged') }, q.site, q.limit, q.cursor);
  });

  app.get('/comments', async (c) => {
    const q = queryOf(c, SearchQuery);
    return search(
      c,
      { statuses: q.status as CommentStatus[] | undefined, text: q.q, author: q.author, page: q.page },
      q.site,
      q.limit,
      q.cursor,
    );
  });

  app.get('/thread', async (c) => {
    const q = queryOf(c, ThreadQuery);
    const actor = c.get('actor');
    const site = canModerate(actor, q.site) ? await deps.storage.getSite(q.site) : undefined;
    if (!site) throw new Problem(404, 'site-not-found', `No site "${q.site}"`);
    const page = await deps.storage.getPage(q.site, q.page);
    if (!page) throw new Problem(404, 'page-not-found', 'No comments on that page yet');
    const rows = await moderation.mod.searchComments({ sites: [q.site], pageKey: q.page, limit: THREAD_LIMIT });
    const present = await presenter();
    return c.json(
      {
        page: {
          key: page.key,
          url: page.url,
          title: page.title,
          locked: page.locked,
          closed: page.locked || isClosedByAge(page, settingsOf(site).autoCloseDays, deps.now()),
        },
        comments: adminThreads(rows.map(present)),
      },
      200,
    );
  });

  app.post('/comments/bulk', async (c) => {
    const { action, ids, versions } = await bodyOf(c, Bulk);
    return c.json({ results: await moderation.bulk(c.get('actor'), action, ids, versions) }, 200);
  });

  app.get('/comments/:id', async (c) =>
    c.json({ comment: await show(await moderation.comment(c.get('actor'), c.req.param('id'))) }, 200),
  );

  for (const action of ['approve', 'reject', 'spam'] as const) {
    app.post(`/comments/:id/${action}`, async (c) => {
      const { version } = await bodyOf(c, Decision);
      return c.json({ comment: await show(await moderation[action](c.get('actor'), c.req.param('id'), version)) }, 200);
    });
  }
  app.post('/comments/:id/pin', async (c) =>
    c.json({ comment: await show(await moderation.pin(c.get('actor'), c.req.param('id'), true)) }, 200),
  );
  app.post('/comments/:id/unpin', async (c) =>
    c.json({ comment: await show(await moderation.pin(c.get('actor'), c.req.param('id'), false)) }, 200),
  );
  app.post('/comments/:id/reply', async (c) => {
    const { body, version } = await bodyOf(c, Body);
    return c.json({ comment: await show(await moderation.reply(c.get('actor'), c.req.param('id'), body, version)) }, 201);
  });
  app.patch('/comments/:id', async (c) => {
    const { body, version } = await bodyOf(c, Body);
    return c.json({ comment: await show(await moderation.edit(c.get('actor'), c.req.param('id'), body, version)) }, 200);
  });
  app.delete('/comments/:id', async (c) => {
    await moderation.remove(c.get('actor'), c.req.param('id'));
    return c.body(null, 204);
  });

  for (const [path, locked] of [
    ['/pages/lock', true],
    ['/pages/unlock', false],
  ] as const) {
    app.post(path, async (c) => {
      const { site, page } = await bodyOf(c, PageRef);
      const p = await moderation.lock(c.get('actor'), site, page, locked);
      return c.json({ page: { key: p.key, url: p.url, title: p.title, locked: p.locked } }, 200);
    });
  }
}
