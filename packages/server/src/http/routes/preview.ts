import { createRoute, z } from '@hono/zod-openapi';
import { previewComment } from '../../domain/preview.js';
import type { App, RouteDeps } from '../env.js';
import { jsonBody, jsonResponse, PageKey, problems, SiteId } from '../schemas.js';

const PreviewRequest = z
  .object({
    site: SiteId,
    page: PageKey.optional().openapi({
      description: 'The page the comment is for (optional; the rendering does not depend on it)',
    }),
    // The same bound as a comment's body; the site's own maximum is checked after normalising.
    body: z.string().max(60_000),
  })
  .openapi('PreviewRequest');

const preview = createRoute({
  method: 'post',
  path: '/api/v1/preview',
  summary: 'Render a comment body as a post would store it (markdown, then the sanitiser); nothing is stored',
  request: { body: jsonBody(PreviewRequest) },
  responses: {
    200: jsonResponse(z.object({ html: z.string() }), 'The sanitised HTML a comment with this body would get'),
    ...problems(400, 403, 404, 413, 415, 422, 429),
  },
});

/** The form's "Preview" button: the server renders, so the widget carries no markdown renderer. */
export function previewRoutes(app: App, { service, caller }: RouteDeps, now: () => number = Date.now): void {
  app.openapi(preview, async (c) => c.json({ html: await previewComment(service, c.req.valid('json'), caller(c), now()) }, 200));
}
