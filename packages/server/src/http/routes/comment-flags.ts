import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../env.js';
import { problems } from '../schemas.js';

const flag = createRoute({
  method: 'post',
  path: '/api/v1/comments/{id}/flag',
  summary: "Flag a comment for the moderators' attention (once per visitor; again changes nothing)",
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Flagged' }, ...problems(400, 403, 404) },
});

/** Readers' flags: enough of them send a comment back to the moderation queue. */
export function commentFlagRoutes(app: App, { service, caller }: RouteDeps): void {
  app.openapi(flag, async (c) => {
    await service.flag(c.req.valid('param').id, caller(c));
    return c.body(null, 204);
  });
}
