import type { Context } from 'hono';
import type { z } from 'zod';
import { invalid, Problem } from '../../domain/problem.js';
import { jsonMediaType } from '../media-type.js';

function fail(error: z.ZodError, prefix = ''): Problem {
  return invalid(error.issues.map((i) => ({ path: prefix + i.path.join('.'), message: i.message })));
}

/** The JSON body checked against `schema`; 400 if it is not JSON, 422 naming each bad field. */
export async function bodyOf<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    if (text !== '' && jsonMediaType(c.req.header('content-type')) === undefined) {
      throw new Problem(415, 'unsupported-media-type', 'Send the request body as application/json');
    }
    raw = text === '' ? {} : JSON.parse(text);
  } catch (err) {
    if (err instanceof Problem) throw err;
    throw new Problem(400, 'malformed-json', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail(parsed.error);
  return parsed.data;
}

/** The query string checked against `schema`; 422 naming each bad parameter. */
export function queryOf<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw fail(parsed.error);
  return parsed.data;
}

/** Opaque newest-first cursor: `{c: createdAt, i: id}` as base64url JSON. */
export function encodeCursor(at: number, id: string): string {
  return Buffer.from(JSON.stringify({ c: at, i: id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { at: number; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    if (typeof p.c === 'number' && typeof p.i === 'string') return { at: p.c, id: p.i };
  } catch {
    // falls through to the 400 below
  }
  throw new Problem(400, 'bad-request', 'Invalid cursor; start again without one');
}
