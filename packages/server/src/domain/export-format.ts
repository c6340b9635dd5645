import { z } from 'zod';

/**
 * The Parley interchange format, version 1 (docs/interchange.md, docs/interchange.schema.json):
 * JSON Lines. The first line describes the site, then each page is followed by its comments.
 * One object per line lets both export and import stream a site of any size.
 */
export const INTERCHANGE_VERSION = 1;

const time = z.string().refine((v) => Number.isFinite(Date.parse(v)), 'must be an ISO 8601 date-time');

export const SiteLine = z.object({
  type: z.literal('parley-export'),
  version: z.number().int(),
  site: z.object({
    id: z.string(),
    name: z.string(),
    origins: z.array(z.string()),
    settings: z.record(z.string(), z.unknown()),
  }),
});

export const PageLine = z.object({
  type: z.literal('page'),
  key: z.string().min(1),
  url: z.string(),
  title: z.string(),
  locked: z.boolean(),
  createdAt: time,
});

export const CommentLine = z.object({
  type: z.literal('comment'),
  id: z.string().min(1),
  page: z.string().min(1),
  parentId: z.string().nullable(),
  status: z.enum(['approved', 'pending', 'spam', 'rejected', 'deleted']),
  author: z.object({ name: z.string(), email: z.string().nullable(), website: z.string().nullable() }),
  body: z.string(),
  html: z.string(),
  createdAt: time,
  editedAt: time.nullable(),
  up: z.number().int().min(0),
  down: z.number().int().min(0),
});

export type SiteLine = z.infer<typeof SiteLine>;
export type PageLine = z.infer<typeof PageLine>;
export type CommentLine = z.infer<typeof CommentLine>;
