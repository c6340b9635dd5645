import { ServerResponse } from 'node:http';
import { createRoute, z } from '@hono/zod-openapi';
import type { LiveHub } from '../../domain/live/hub.js';
import type { Subscriber } from '../../domain/live/subscriber.js';
import type { App, RouteDeps } from '../env.js';
import { PageKey, problems, SiteId } from '../schemas.js';

const EventsQuery = z.object({
  site: SiteId,
  page: PageKey,
  /** EventSource cannot set headers on its first request; the query stands in for `Last-Event-ID`. */
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
});

const stream = createRoute({
  method: 'get',
  path: '/api/v1/events',
  summary: 'Server-sent events of a page: comment.created, comment.updated, comment.deleted, votes.changed',
  description:
    'A text/event-stream. Resumes after the `Last-Event-ID` header (or `lastEventId` query); sends `reload` when the events after it are no longer kept, and a keep-alive comment every 25 s.',
  request: { query: EventsQuery },
  responses: {
    200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...problems(403, 404, 422, 503),
  },
});

/** Frames the client has not read yet, past which it is dropped (it resumes by Last-Event-ID). */
const MAX_BEHIND = 256;
/** Bytes a Node response may hold unsent before its reader is dropped. */
const MAX_BUFFERED = 256 * 1024;

/**
 * Under the Node server the stream is written straight to the socket's response: thousands of
 * readers are held open at once, and a web ReadableStream with its Response costs several times
 * the memory of a bare ServerResponse. The headers the middleware would add afterwards are
 * written here instead (the origin was checked against the site's list before).
 */
function streamToNode(res: ServerResponse, sub: Subscriber, headers: Record<string, string>, origin?: string): Response {
  res.writeHead(200, {
    ...headers,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'Origin',
    ...(origin ? { 'access-control-allow-origin': origin } : {}),
  });
  res.on('close', () => sub.close());
  sub.attach({
    write(chunk) {
      res.write(chunk);
      return res.writableLength < MAX_BUFFERED;
    },
    end() {
      res.end();
    },
  });
  // @hono/node-server's "already sent" marker, as a fresh object each time (middleware still sets
  // headers on it after this returns). Reading `body` turns the server's lightweight Response
  // into a full one, which is the form whose marker the server honours.
  const sent = new Response(null, { headers: { 'x-hono-already-sent': 'true' } });
  void sent.body;
  return sent;
}

/** The stream as a web ReadableStream, for `app.request()` in tests and other runtimes. */
function webStream(sub: Subscriber): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        sub.attach({
          write(chunk) {
            controller.enqueue(chunk);
            return (controller.desiredSize ?? 0) > -MAX_BEHIND;
          },
          end() {
            controller.close();
          },
        });
      },
      cancel() {
        sub.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The live-updates stream of one page. */
export function eventRoutes(app: App, { service, caller }: RouteDeps, hub: LiveHub): void {
  app.openapi(stream, async (c) => {
    const { site: siteId, page, lastEventId } = c.req.valid('query');
    const site = await service.site(siteId);
    service.assertOrigin(site, caller(c));
    const header = c.req.header('last-event-id');
    const last = header && /^\d{1,15}$/.test(header) ? Number(header) : lastEventId ? Number(lastEventId) : undefined;
    const sub: Subscriber = await hub.subscribe(site.id, page, last);
    const headers: Record<string, string> = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    };
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing instanceof ServerResponse) return streamToNode(outgoing, sub, headers, c.req.header('origin'));
    return c.body(webStream(sub), 200, headers) as never;
  });
}
