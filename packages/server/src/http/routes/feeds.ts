import { createRoute, z } from '@hono/zod-openapi';
import { FeedService } from '../../domain/feeds.js';
import { feedStorageOf } from '../../storage/feed-storage.js';
import type { App, RouteDeps } from '../env.js';
import { PageKey, problems, SiteId } from '../schemas.js';

const atom = (description: string) => ({
  description,
  content: { 'application/atom+xml': { schema: z.string().openapi({ description: 'Atom 1.0 (RFC 4287) document' }) } },
});

const siteFeed = createRoute({
  method: 'get',
  path: '/api/v1/feeds/{site}/comments.atom',
  summary: 'Atom feed of the newest approved comments of a site (50)',
  request: { params: z.object({ site: SiteId }) },
  responses: { 200: atom('The feed'), ...problems(404, 422) },
});

const pageFeed = createRoute({
  method: 'get',
  path: '/api/v1/feeds/{site}/page.atom',
  summary: 'Atom feed of the newest approved comments of one page (50); ?page=<page key>',
  request: { params: z.object({ site: SiteId }), query: z.object({ page: PageKey }) },
  responses: { 200: atom('The feed'), ...problems(404, 422) },
});

/** Atom feeds; `publicUrl` (PARLEY_PUBLIC_URL) names the feed's own address and id authority. */
export function feedRoutes(app: App, { service }: RouteDeps, publicUrl: string | undefined, storage = service.storage): void {
  const feeds = new FeedService(feedStorageOf(storage));
  const respond = (xml: string) =>
    new Response(xml, {
      status: 200,
      headers: {
        'content-type': 'application/atom+xml; charset=utf-8',
        // Feed readers poll; a minute of staleness costs nothing and spares the database.
        'cache-control': 'public, max-age=60',
      },
    });
  const self = (url: string) => {
    const req = new URL(url);
    const base = new URL(publicUrl ?? req.origin);
    const prefix = base.pathname.replace(/\/$/, '');
    return { href: `${base.origin}${prefix}${req.pathname}${req.search}`, authority: base.hostname };
  };
  app.openapi(siteFeed, async (c) => {
    const site = await service.site(c.req.valid('param').site);
    const { href, authority } = self(c.req.url);
    return respond(await feeds.atom(site, undefined, href, authority)) as never;
  });
  app.openapi(pageFeed, async (c) => {
    const site = await service.site(c.req.valid('param').site);
    const { href, authority } = self(c.req.url);
    return respond(await feeds.atom(site, c.req.valid('query').page, href, authority)) as never;
  });
}
