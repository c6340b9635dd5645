import { z } from '@hono/zod-openapi';
import { FIELD_ERROR_CODES } from '../domain/problem.js';
import { cleanLine } from '../domain/text.js';

/**
 * Request and response schemas: they validate requests and generate /api/openapi.json, so the
 * document cannot drift from what the server accepts. Types and rough sizes are checked here;
 * the domain normalises text and applies the per-site rules (lengths, required fields).
 */
export const SiteId = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/)
  .openapi({ example: 'demo' });
/**
 * A page key as every route reads it: cleaned exactly as a post stores it (`cleanLine`: NFC, no
 * control characters, one trimmed line), so a key the cleaning changes finds the page its
 * comments were stored under (found by the API fuzz: listings, counts, events, feeds and
 * shares looked the raw key up).
 */
export const PageKey = z
  .string()
  .overwrite(cleanLine)
  .min(1)
  .max(2048)
  .openapi({ example: 'https://news.example.com/2026/11/article' });

export const Author = z
  .object({
    name: z.string().max(1000).optional(),
    email: z.string().max(1000).optional(),
    website: z.string().max(2048).optional(),
  })
  .openapi('AuthorInput');

export const NewComment = z
  .object({
    site: SiteId,
    page: PageKey,
    url: z.string().max(4096).optional(),
    title: z.string().max(2000).optional(),
    parentId: z.string().max(64).nullable().optional(),
    body: z.string().max(60_000),
    author: Author.optional(),
    notify: z.boolean().optional().openapi({ description: 'Mail replies to author.email (double opt-in on first use)' }),
    locale: z.string().max(35).optional().openapi({ description: "The reader's language for mails, e.g. de" }),
    formToken: z.string().max(200).optional().openapi({ description: 'The `formToken` of a listing of the site' }),
    homepage: z
      .string()
      .max(2048)
      .optional()
      .openapi({ description: 'Honeypot: must be absent or empty (the widget hides it from people)' }),
  })
  .openapi('NewComment');

export const EditComment = z.object({ body: z.string().max(60_000) }).openapi('EditComment');

export const Vote = z.object({ value: z.union([z.literal(1), z.literal(-1), z.literal(0)]) }).openapi('Vote');

export const CommentOut: z.ZodType = z
  .lazy(() =>
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      author: z.object({ name: z.string(), website: z.string().nullable(), avatar: z.string() }).nullable(),
      html: z.string(),
      body: z.string(),
      createdAt: z.string(),
      editedAt: z.string().nullable(),
      status: z.enum(['approved', 'pending', 'spam', 'rejected', 'deleted']),
      up: z.number().int(),
      down: z.number().int(),
      score: z.number().int(),
      deleted: z.literal(true).optional(),
      moderator: z.literal(true).optional(),
      pinned: z.literal(true).optional(),
      replies: z.array(CommentOut).optional(),
      moreReplies: z.number().int().optional().openapi({
        description: 'On a top-level comment of a listing: how many of its replies the listing left out (absent: none)',
      }),
      repliesCursor: z
        .string()
        .optional()
        .openapi({ description: 'With moreReplies: pass as `cursor` with `root=<id>` to get the next replies' }),
    }),
  )
  .openapi('Comment');

export const PageOut = z
  .object({ key: z.string(), url: z.string(), title: z.string(), count: z.number().int(), locked: z.boolean() })
  .openapi('Page');

export const ListQuery = z.object({
  site: SiteId,
  page: PageKey,
  sort: z.enum(['oldest', 'newest', 'top']).default('oldest'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1000).optional(),
  root: z.string().min(1).max(64).optional().openapi({
    description: "A top-level comment's id: answer its replies after `cursor` (its `repliesCursor`), not top-level comments",
  }),
  around: z.string().min(1).max(64).optional().openapi({
    description: "A comment's id (a permalink): answer its ancestors below its top-level comment and `limit` replies from it on",
  }),
});

export const RepliesOut = z
  .object({
    root: z.string().openapi({ description: 'The top-level comment the replies belong to' }),
    replies: z.array(CommentOut).openapi({
      description:
        'In thread order, nested; a reply whose parent is not here continues a sub-thread of an earlier answer (or of the listing)',
    }),
    moreReplies: z.number().int().openapi({ description: 'Replies of the thread after these' }),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` with `root` for the next replies' }),
  })
  .openapi('Replies');

export const CountsQuery = z.object({
  site: SiteId,
  page: z.union([PageKey, z.array(PageKey).max(100)]).transform((v) => (Array.isArray(v) ? v : [v])),
});

export const CountsBody = z.object({ site: SiteId, pages: z.array(PageKey).min(1).max(100) }).openapi('CountsRequest');

export const CountsOut = z.object({ counts: z.record(z.string(), z.number().int()) }).openapi('Counts');

export const ProblemOut = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.enum(FIELD_ERROR_CODES).optional(),
          max: z.number().int().optional(),
        }),
      )
      .optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

/** The problem+json responses every route may give, for the OpenAPI document. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: 'Problem', content: { 'application/problem+json': { schema: ProblemOut } } }]),
  );
}

/** A JSON response of `schema`, for a route's `responses`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body of `schema`, for a route's `request`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
