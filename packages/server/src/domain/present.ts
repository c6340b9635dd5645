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
  /** On a top-level comment in a listing: replies left out (see `reply-paging.ts`), when there are any. */
  moreReplies?: number;
  /** With {@link moreReplies}: pass as `cursor` with `root=<id>` to get them. */
  repliesCursor?: string;
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
