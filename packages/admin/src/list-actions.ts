/**
 * What the actions of `<parley-admin-list>` do to the list, apart from the element: which actions
 * work in bulk and the status they leave, which key stands for which action, and the new list or
 * selection after an action, a reply or a (range) click, and reloading comments that changed
 * since they were shown.
 */
import type { AdminApi } from './api.js';
import { ApiError } from './api-request.js';
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

/** Problem codes that mean "the comment changed since it was shown" (docs/admin-api.md): reload it, do not report a fault. */
const CHANGED = new Set(['conflict', 'comment-deleted']);

/** Whether an action failed because the comment changed (or was deleted) since it was shown. */
export function isChanged(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && CHANGED.has(error.code);
}

/** Whether a bulk result's `code` means the same as {@link isChanged}. */
export function isChangedCode(code: string | undefined): boolean {
  return code !== undefined && CHANGED.has(code);
}

/** The version shown of each comment, for a bulk action to send (id → `version`). */
export function versionsOf(targets: AdminComment[]): Record<string, string> {
  return Object.fromEntries(targets.flatMap((c) => (c.version ? [[c.id, c.version]] : [])));
}

/** `items` with each of `ids` as the server has it now; one that no longer exists (404) leaves the list. */
export async function reloaded(api: AdminApi, items: AdminComment[], ids: string[]): Promise<AdminComment[]> {
  let next = items;
  for (const id of ids) {
    try {
      next = replaced(next, await api.comment(id));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
      next = next.filter((c) => c.id !== id);
    }
  }
  return next;
}

/** What a bulk action came to: ids done, ids that had changed since shown, the first other failure's code, and the comments as they now are. */
export interface BulkOutcome {
  done: string[];
  changed: string[];
  failed: string;
  updated: AdminComment[];
}

/**
 * Sends `action` for `targets` with the versions shown: one comment as a single action (whose
 * failure is thrown as `ApiError`), more as one bulk request (whose failures come back per id).
 */
export async function applyBulkAction(api: AdminApi, action: BulkAction, targets: AdminComment[]): Promise<BulkOutcome> {
  const out: BulkOutcome = { done: [], changed: [], failed: '', updated: [] };
  if (targets.length === 1) {
    const c = targets[0]!;
    const answer = await api.act(c.id, action, c.version);
    out.done.push(c.id);
    out.updated.push({ ...c, ...answer, status: answer?.status ?? STATUS_AFTER[action] });
    return out;
  }
  const results = await api.bulk(
    action,
    targets.map((c) => c.id),
    versionsOf(targets),
  );
  for (const r of results) {
    const c = targets.find((x) => x.id === r.id);
    if (r.ok) {
      out.done.push(r.id);
      if (c) out.updated.push(afterBulk(c, action));
    } else if (isChangedCode(r.code)) out.changed.push(r.id);
    else out.failed ||= r.code ?? 'error';
  }
  return out;
}
