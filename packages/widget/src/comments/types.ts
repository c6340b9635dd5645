import type { Comment } from '../api.js';

/** Top-level comments per request. */
export const PAGE_SIZE = 50;
/** The sort orders the server knows. */
export const SORTS = ['oldest', 'newest', 'top'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * What the reader has opened, closed or highlighted on one comment (keyed by its id), or the
 * state of one form (keyed `root`, `r:<id>` for a reply, `e:<id>` for an edit): one map for both.
 */
export interface Ui {
  collapsed?: boolean;
  showAll?: boolean;
  replying?: boolean;
  editing?: boolean;
  confirm?: boolean;
  hl?: boolean;
  /** The comment's share bar is open. */
  share?: boolean;
  /** A form: posting; a comment: fetching its replies. */
  busy?: boolean;
  /** A form: the message of the last failure. */
  error?: string;
  /** A form: the last failure may go away if sent again ("Try again"). */
  again?: boolean;
  /** An edit form the server will never take: its text, kept on screen to copy (read-only). */
  kept?: string;
  /** A form: the server's message per field path. */
  fields?: Record<string, string>;
  /** A form: the preview is shown (in place of the text field). */
  preview?: boolean;
  /** A form: the server's rendering of the text, through the sanitiser; absent while it loads. */
  shown?: HTMLElement;
  /** The follow form: the server accepted the address. */
  done?: boolean;
}
/** The state of one form (see {@link Ui}). */
export type FormState = Ui;

/** Details of the events `<parley-comments>` fires. */
export interface ParleyEvents {
  'parley-ready': { count: number };
  'parley-error': { error: unknown };
  'parley-comment-posted': { comment: Comment };
  'parley-comment-deleted': { id: string };
}

/** An own held comment as kept in localStorage: the comment, its site and page, when posted. */
export type Held = { c: Comment; s: string; p: string; at: number };
