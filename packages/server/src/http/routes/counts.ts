import { createRoute } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../env.js';
import { CountsBody, CountsOut, CountsQuery, jsonBody, jsonResponse, problems } from '../schemas.js';

const get = createRoute({
  method: 'get',
  path: '/api/v1/counts',
  summary: 'Approved comment counts for up to 100 pages (?site=S&page=K1&page=K2…)',
  request: { query: CountsQuery },
  responses: {
    200: jsonResponse(CountsOut, 'Counts by page key'),
    ...problems(404, 422),
  },
});

const post = createRoute({
  method: 'post',
  path: '/api/v1/counts',
  summary: 'Approved comment counts for up to 100 pages',
  request: { body: jsonBody(CountsBody) },
  responses: {
    200: jsonResponse(CountsOut, 'Counts by page key'),
    ...problems(400, 404, 413, 415, 422),
  },
});

/** Comment counts for listing pages; short-cached since a count may lag by seconds. */
export function countRoutes(app: App, { service }: RouteDeps): void {
  app.openapi(get, async (c) => {
    const { site, page } = c.req.valid('query');
    c.header('cache-control', 'public, max-age=30');
    return c.json({ counts: await service.counts(site, page) }, 200);
  });
  app.openapi(post, async (c) => {
    const { site, pages } = c.req.valid('json');
    return c.json({ counts: await service.counts(site, pages) }, 200);
  });
}
