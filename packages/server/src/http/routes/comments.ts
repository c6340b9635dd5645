import { createRoute, z } from '@hono/zod-openapi';
import { IDEMPOTENCY_KEY_PATTERN } from '../../domain/idempotency.js';
import type { App, RouteDeps } from '../env.js';
import {
  CommentOut,
  EditComment,
  jsonBody,
  jsonResponse,
  ListQuery,
  NewComment,
  PageOut,
  problems,
  RepliesOut,
  Vote,
} from '../schemas.js';

const IdParam = z.object({ id: z.string().min(1).max(64) });

const list = createRoute({
  method: 'get',
  path: '/api/v1/comments',
  summary: "Top-level comments of a page, each with its first replies nested; or one thread's next replies",
  description:
    'Without `root` or `around`: top-level comments, each with at most 50 replies (the rest counted in `moreReplies`). ' +
    "With `root=<id>` (and the `repliesCursor` as `cursor`): that thread's next `limit` replies. With `around=<id>`: " +
    'that comment with its ancestors and the replies after it. Unknown or unlisted comments are 404 `comment-not-found`, ' +
    'a cursor of another thread 422 `invalid-cursor`.',
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(
      z.union([
        z.object({
          page: PageOut,
          comments: z.array(CommentOut),
          nextCursor: z.string().nullable(),
          formToken: z.string().openapi({ description: 'Send back with a post to this site (from 2 s to 24 h old)' }),
          mail: z.boolean().openapi({
            description:
              'Whether this server sends e-mail. When false, "notify me of replies" and "follow this discussion" cannot work, so the widget does not offer them',
          }),
        }),
        RepliesOut,
      ]),
      "One page of the thread, or with `root` or `around` one thread's replies",
    ),
    ...problems(400, 404, 422),
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/comments',
  summary: 'Post a comment or a reply',
  description:
    'With an `Idempotency-Key` header the first answer is kept for 24 h: a retry with the same key and body gets it again ' +
    '(with `Idempotent-Replayed: true`, the same comment and edit token) and creates nothing, also when both are in flight ' +
    'at once; the same key with another body is a 422 `idempotency-key-reused`. Keys are per site; use a random UUID.',
  request: {
    headers: z.object({
      'idempotency-key': z.string().regex(IDEMPOTENCY_KEY_PATTERN, 'must be 8-255 visible ASCII characters').optional().openapi({
        description: 'A client-chosen unguessable id of this post (8-255 visible ASCII characters)',
        example: '3f0c7a52-9d1e-4b8a-a7f2-5c0e1d2b3a49',
      }),
    }),
    body: jsonBody(NewComment),
  },
  responses: {
    201: {
      ...jsonResponse(
        z.object({
          comment: CommentOut,
          editableUntil: z
            .string()
            .optional()
            .openapi({
              description:
                'Until when (ISO 8601) the edit token may edit or delete the comment: createdAt plus the site edit window. ' +
                'Absent from replays of keyed posts stored by servers before it was added',
            }),
          editToken: z.string(),
        }),
        'Stored; the edit token is shown only this once (and to retries with the same Idempotency-Key)',
      ),
      headers: z.object({
        'idempotent-replayed': z
          .literal('true')
          .optional()
          .openapi({ description: 'Present when this is the stored first answer to the key' }),
      }),
    },
    ...problems(400, 403, 404, 413, 415, 422, 429, 503),
  },
});

const one = createRoute({
  method: 'get',
  path: '/api/v1/comments/{id}',
  summary: 'One approved comment; a held one only with its edit token (Authorization: Bearer <editToken>)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ comment: CommentOut }), 'The comment'), ...problems(404) },
});

const edit = createRoute({
  method: 'patch',
  path: '/api/v1/comments/{id}',
  summary: 'Edit an own comment inside the edit window (Authorization: Bearer <editToken>)',
  request: { params: IdParam, body: jsonBody(EditComment) },
  responses: {
    200: jsonResponse(z.object({ comment: CommentOut }), 'Edited'),
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/v1/comments/{id}',
  summary: 'Delete an own comment inside the edit window (Authorization: Bearer <editToken>)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 403, 404, 409) },
});

const vote = createRoute({
  method: 'post',
  path: '/api/v1/comments/{id}/vote',
  summary: "Set (1, -1) or clear (0) the caller's vote",
  request: { params: IdParam, body: jsonBody(Vote) },
  responses: {
    200: jsonResponse(z.object({ up: z.number().int(), down: z.number().int(), score: z.number().int() }), 'New tallies'),
    ...problems(400, 403, 404, 415, 422),
  },
});

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * Adds members to serialised JSON object bytes without parsing them: the shared cached listing
 * stays as it is, and only the closing brace is replaced by `,"name":value,…}`.
 */
export function withMembers(json: Uint8Array, members: Record<string, string | boolean>): Uint8Array {
  const more = Object.entries(members).map(([name, value]) => `,${JSON.stringify(name)}:${JSON.stringify(value)}`);
  return Buffer.concat([json.subarray(0, json.length - 1), Buffer.from(`${more.join('')}}`)]);
}

/**
 * The last listing-plus-token bytes built from each cached listing. The token changes ten times
 * a second (see `issueFormToken`), so a busy page copies its listing ten times a second rather
 * than once a request (the copy was a quarter of the GET's CPU time, docs/performance.md). Keyed weakly by
 * the cached bytes, so an entry goes when the listing cache lets its listing go.
 */
const withToken = new WeakMap<Uint8Array, { token: string; mail: boolean; body: Uint8Array }>();

function listingWithToken(listing: Uint8Array, token: string, mail: boolean): Uint8Array {
  const memo = withToken.get(listing);
  if (memo?.token === token && memo.mail === mail) return memo.body;
  const body = withMembers(listing, { formToken: token, mail });
  withToken.set(listing, { token, mail, body });
  return body;
}

/** The comment resource: list, post, edit, delete, vote. */
export function commentRoutes(app: App, { service, caller, guard }: RouteDeps, { mail = false } = {}): void {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    // A thread's replies carry no form token: they come after a listing, which did.
    if (q.root !== undefined || q.around !== undefined) {
      const body = await service.listBody(q);
      return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/json' }) as never;
    }
    const [cached, formToken] = await Promise.all([service.listBody(q), service.formToken(q.site)]);
    // Already serialised (and usually cached) in the documented shape, so sent as it is rather
    // than parsed and stringified again; the cast only tells the typed router so.
    const body = listingWithToken(cached, formToken, mail);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/json' }) as never;
  });
  app.openapi(create, async (c) => {
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const input = c.req.valid('json');
    await guard?.check(input, caller(c));
    const { replayed, ...body } = await service.create(input, caller(c), { idempotencyKey });
    return c.json(body, 201, replayed ? { 'idempotent-replayed': 'true' } : {});
  });
  app.openapi(one, async (c) => {
    const comment = await service.one(c.req.valid('param').id, bearer(c.req.header('authorization')));
    return c.json({ comment }, 200);
  });
  app.openapi(edit, async (c) => {
    const { id } = c.req.valid('param');
    const comment = await service.edit(id, bearer(c.req.header('authorization')), c.req.valid('json').body, caller(c));
    return c.json({ comment }, 200);
  });
  app.openapi(remove, async (c) => {
    await service.remove(c.req.valid('param').id, bearer(c.req.header('authorization')), caller(c));
    return c.body(null, 204);
  });
  app.openapi(vote, async (c) => c.json(await service.vote(c.req.valid('param').id, c.req.valid('json').value, caller(c)), 200));
}
