import { createRoute, z } from '@hono/zod-openapi';
import { SHARE_SERVICES, ShareService } from '../../domain/shares.js';
import type { App, RouteDeps } from '../env.js';
import { jsonBody, jsonResponse, PageKey, problems, SiteId } from '../schemas.js';

const NewShare = z
  .object({ site: SiteId, page: PageKey, service: z.enum(SHARE_SERVICES) })
  .openapi('NewShare', { example: { site: 'demo', page: 'https://news.example.com/2026/11/article', service: 'mastodon' } });

const SharesQuery = z.object({ site: SiteId, page: PageKey });

const ShareCounts = z
  .object({ counts: z.record(z.string(), z.number().int()), total: z.number().int() })
  .openapi('ShareCounts', { example: { counts: { mastodon: 12, copy: 3 }, total: 15 } });

const Recorded = z.object({ counted: z.boolean() }).openapi('ShareRecorded');

const get = createRoute({
  method: 'get',
  path: '/api/v1/shares',
  summary: 'Share totals of one page by service (zeros left out)',
  request: { query: SharesQuery },
  responses: {
    200: jsonResponse(ShareCounts, 'Totals by service'),
    ...problems(404, 422),
  },
});

const post = createRoute({
  method: 'post',
  path: '/api/v1/shares',
  summary: 'Count one share; a visitor counts once per service, page and day',
  request: { body: jsonBody(NewShare) },
  responses: {
    200: jsonResponse(Recorded, 'Whether this share was counted'),
    ...problems(400, 403, 404, 413, 415, 422),
  },
});

/** First-party share counts (`<parley-share counts>`); no cookies, no third-party APIs. */
export function shareRoutes(app: App, { service, caller }: RouteDeps, now?: () => number): void {
  const shares = new ShareService(service.storage, undefined, now);
  app.openapi(get, async (c) => {
    const { site, page } = c.req.valid('query');
    c.header('cache-control', 'public, max-age=60');
    return c.json(await shares.totals(site, page), 200);
  });
  app.openapi(post, async (c) => {
    const input = c.req.valid('json');
    c.header('cache-control', 'no-store');
    return c.json(await shares.record(input, caller(c)), 200);
  });
}
