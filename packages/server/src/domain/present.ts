import type { CommentRecord } from '../storage/types.js';
import { avatarSeed } from './identity.js';

/** A comment as every public response shows it: never an e-mail, an IP, a token or a hash of one. */
export interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; avatar: string } | null;
  html: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  status: CommentRecord['status'];
  up: number;
  down: number;
  score: number;
  deleted?: true;
  /** Posted by a moderator of the site (a badge in the widget). */
  moderator?: true;
  /** Pinned by a moderator: listed first. */
  pinned?: true;
  replies?: PublicComment[];
}

/** The public view of one stored comment (without replies). */
export function present(c: CommentRecord): PublicComment {
  const base = {
    id: c.id,
    parentId: c.parentId,
    createdAt: new Date(c.createdAt).toISOString(),
    editedAt: c.editedAt === null ? null : new Date(c.editedAt).toISOString(),
    status: c.status,
    up: c.up,
    down: c.down,
    score: c.up - c.down,
  };
  if (c.status === 'deleted') return { ...base, author: null, html: '', body: '', deleted: true };
  return {
    ...base,
    ...(c.moderator ? { moderator: true as const } : {}),
    ...(c.pinned ? { pinned: true as const } : {}),
    author: { name: c.authorName, website: c.authorWebsite, avatar: avatarSeed(c.authorName) },
    html: c.html,
    body: c.body,
  };
}

/**
 * Nests replies under their top-level comments (oldest first) and drops deleted comments that
 * no longer have a visible reply, so deletion keeps the shape of a thread without empty husks.
 */
export function buildThreads(top: CommentRecord[], replies: CommentRecord[]): PublicComment[] {
  const children = new Map<string, CommentRecord[]>();
  for (const r of replies) {
    if (!r.parentId) continue;
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  const build = (c: CommentRecord): PublicComment | undefined => {
    const kids = (children.get(c.id) ?? []).map(build).filter((k): k is PublicComment => k !== undefined);
    if (c.status === 'deleted' && kids.length === 0) return undefined;
    return { ...present(c), replies: kids };
  };
  return top.map(build).filter((c): c is PublicComment => c !== undefined);
}
