/**
 * What the actions of `<parley-admin-list>` do to the list, apart from the element: which actions
 * work in bulk and the status they leave, which key stands for which action, and the new list or
 * selection after an action, a reply or a (range) click.
 */
import type { AdminComment, CommentStatus } from './api-types.js';
import { type ConsoleAction, KEYS } from './parley-admin-comment.js';

/** Actions that work on a whole selection. */
export const BULK = ['approve', 'reject', 'spam', 'delete'] as const;
/** One of {@link BULK}. */
export type BulkAction = (typeof BULK)[number];

/** The status a comment is shown with after a bulk action the server answered without it. */
export const STATUS_AFTER: Record<BulkAction, CommentStatus> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
  delete: 'deleted',
};

/** The action each shortcut key stands for (`KEYS` the other way round). */
export const ACTION_BY_KEY = new Map<string, ConsoleAction>(
  Object.entries(KEYS).map(([action, key]) => [key, action as ConsoleAction]),
);

/** Whether `action` works on a whole selection. */
export function isBulk(action: ConsoleAction): action is BulkAction {
  return (BULK as readonly string[]).includes(action);
}

/**
 * The selection after `id` was (un)selected. With `range` (shift-click), every comment from the
 * last one selected (`last`, when still listed) to `id` is added.
 */
export function selectionAfter(
  selected: ReadonlySet<string>,
  ids: string[],
  last: string | undefined,
  id: string,
  on: boolean,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  if (range && last && ids.includes(last)) {
    const [a, b] = [ids.indexOf(last), ids.indexOf(id)].sort((x, y) => x - y);
    for (const i of ids.slice(a, b! + 1)) next.add(i);
  } else if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** `c` as a bulk `action` left it, when the server answered without the comment: a deleted one shows no text. */
export function afterBulk(c: AdminComment, action: BulkAction): AdminComment {
  return { ...c, status: STATUS_AFTER[action], ...(action === 'delete' ? { html: '' } : {}) };
}

/** What an action applies to: the selected comments, or else the current one. */
export function targetsOf(items: AdminComment[], selected: ReadonlySet<string>, current: number): AdminComment[] {
  const chosen = items.filter((c) => selected.has(c.id));
  if (chosen.length) return chosen;
  const c = items[current];
  return c ? [c] : [];
}

/** `items` with `updated` over the comment of the same id. */
export function replaced(items: AdminComment[], updated: AdminComment): AdminComment[] {
  return items.map((c) => (c.id === updated.id ? { ...c, ...updated } : c));
}

/** `items` with every comment of `c`'s page showing that page `locked` (or not). */
export function withPageLock(items: AdminComment[], c: AdminComment, locked: boolean): AdminComment[] {
  return items.map((x) => (x.site === c.site && x.page.key === c.page.key ? { ...x, page: { ...x.page, locked } } : x));
}

/** `items` with `reply` right after the comment `parentId`. */
export function withReply(items: AdminComment[], parentId: string, reply: AdminComment): AdminComment[] {
  const at = items.indexOf(items.find((x) => x.id === parentId)!);
  return [...items.slice(0, at + 1), reply, ...items.slice(at + 1)];
}
