import type { CommentRecord, CursorKey, SortOrder } from '../storage/types.js';
import { Problem } from './problem.js';

/** What a listing cursor holds: the sort it belongs to and the last comment's sort key. */
interface CursorPayload {
  s: SortOrder;
  c: number;
  i: string;
  v?: number;
}

/** The opaque cursor (base64url JSON) that continues a listing after `c` in `sort` order. */
export function encodeCursor(c: CommentRecord, sort: SortOrder): string {
  const payload: CursorPayload = { s: sort, c: c.createdAt, i: c.id, ...(sort === 'top' ? { v: c.up - c.down } : {}) };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The sort key a cursor names; 400 for a cursor that is not one of ours or belongs to another sort. */
export function decodeCursor(cursor: string, sort: SortOrder): CursorKey {
  const bad = () => new Problem(400, 'bad-request', 'Invalid cursor; start again without one');
  let p: Partial<CursorPayload>;
  try {
    p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPayload>;
  } catch {
    throw bad();
  }
  if (p === null || typeof p !== 'object' || p.s !== sort || typeof p.c !== 'number' || typeof p.i !== 'string') throw bad();
  return { createdAt: p.c, id: p.i, ...(typeof p.v === 'number' ? { score: p.v } : {}) };
}

/** The opaque cursor (base64url JSON) that continues the replies of top-level comment `root` after reply `id`. */
export function encodeReplyCursor(root: string, id: string): string {
  return Buffer.from(JSON.stringify({ r: root, i: id })).toString('base64url');
}

/**
 * The reply a replies cursor continues after; 422 `invalid-cursor` for a cursor that is not one
 * of ours or belongs to another thread (a listing cursor, another root's).
 */
export function decodeReplyCursor(cursor: string, root: string): string {
  let p: { r?: unknown; i?: unknown } | null = null;
  try {
    p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown; i?: unknown } | null;
  } catch {
    throw badReplyCursor();
  }
  if (p === null || typeof p !== 'object' || p.r !== root || typeof p.i !== 'string') throw badReplyCursor();
  return p.i;
}

/** 422 `invalid-cursor`: the cursor does not continue this thread's replies. */
export const badReplyCursor = (): Problem =>
  new Problem(422, 'invalid-cursor', 'This cursor does not continue the replies of this comment; start again without one');
