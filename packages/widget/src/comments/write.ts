import { ApiError } from '../api.js';
import { bodyOf } from './bodies.js';
import { failed, fieldMessage, message } from './errors.js';
import { focusComment, focusOn } from './read.js';
import { editableUntil, type Identity, load, save, saveIn, type Token } from './storage.js';
import type { Thread } from './thread.js';
import { findPath, mapTree, removeComment } from './tree.js';
import { setForm, setUi, uiOf } from './ui.js';

/*
 * Writing to the thread besides sending a form (submit.ts): drafts and the commenter's details
 * kept in localStorage, previewing, opening forms, deleting, reporting, voting and following.
 * Functions of the element rather than methods, so the chunk's minifier can shorten their names.
 */

/** Where the draft of form `key` of a page is kept (`<that>:key` keeps its post's Idempotency-Key). */
export const draftKey = (site: string, page: string, key: string) => `draft:${site}:${page}:${key}`;
const here = (host: Thread, key: string) => draftKey(host.siteId, host.pageKey, key);

/** The kept draft of a form, if any. */
export function draft(host: Thread, key: string): string | undefined {
  return load(here(host, key), '') || undefined;
}

/** Keeps the text as it is typed; an emptied form's post key goes with its draft (see submit.ts). */
export function typing(host: Thread, key: string, e: Event): void {
  const text = (e.target as HTMLTextAreaElement).value;
  save(here(host, key), text);
  if (!text) save(`${here(host, key)}:key`, undefined);
}

/** Remembers the commenter's name, e-mail or website. */
export function remember(host: Thread, field: keyof Identity, e: Event): void {
  host.me = { ...host.me, [field]: (e.target as HTMLInputElement).value };
  save('me', host.me);
}

/** Whether the reader may still edit or delete a comment (until the post's `editableUntil`). */
export function canEdit(host: Thread, c: { id: string; deleted?: true }): boolean {
  return !c.deleted && Date.now() < editableUntil(host.tokens[c.id]);
}

/** Forgets an edit token (the server refused it, or its comment is gone). */
export const forget = (host: Thread, id: string) => {
  host.tokens = saveIn<Token>('tokens', id, undefined);
};

/** Whether the server will never take this token's writes (window over, token wrong, comment gone). */
export const lost = (err: unknown) => err instanceof ApiError && [401, 403, 404].includes(err.status);

/**
 * Shows the server's rendering of the form's text (`POST /api/v1/preview`, the renderer a post
 * goes through) in place of the text field, or the field again. The box is busy until the
 * answer comes; an answer for a preview closed or reopened meanwhile is dropped.
 */
export async function togglePreview(host: Thread, key: string, form: HTMLFormElement): Promise<void> {
  const st = uiOf(host, key);
  const open = { ...st, preview: !st.preview, shown: undefined };
  setForm(host, key, open);
  if (st.preview) return;
  try {
    const text = (form.elements.namedItem('body') as HTMLTextAreaElement).value;
    const { html } = await host.client.preview(host.siteId, host.pageKey, text);
    if (host.ui.get(key) === open) setForm(host, key, { ...open, shown: bodyOf(html) });
  } catch (err) {
    if (host.ui.get(key) === open) setForm(host, key, { ...open, preview: false });
    failed(host, err);
  }
}

/**
 * "Follow this discussion" for the e-mail typed in the form: the server mails the address a
 * link to confirm (double opt-in); the button then says to check the inbox.
 */
export async function follow(host: Thread): Promise<void> {
  if (uiOf(host, 'follow').busy) return;
  setForm(host, 'follow', { busy: true });
  try {
    await host.client.follow({ site: host.siteId, page: host.pageKey, email: host.me.email ?? '', locale: host.t.lang });
    setForm(host, 'follow', { done: true });
    await focusOn(host, '#followed');
  } catch (err) {
    // A refused address says why in the reader's language, as a form's field would.
    const field = err instanceof ApiError && err.fields[0];
    const error = field ? fieldMessage(host, field) : message(host, err);
    setForm(host, 'follow', { error });
    failed(host, err, error);
  }
}

/**
 * Opens or closes the reply form under a comment (`r`) or the edit form of an own one (`e`, whose
 * draft goes when it is closed); focus moves to the form's text, or back to the button.
 */
export function toggleForm(host: Thread, kind: 'r' | 'e', id: string, open: boolean): Promise<void> {
  const edit = kind === 'e';
  if (edit) {
    if (!open) save(here(host, `e:${id}`), undefined);
    host.ui.delete(`e:${id}`);
  }
  setUi(host, id, edit ? { editing: open } : { replying: open });
  const sel = CSS.escape(id);
  return focusOn(host, open ? `#${kind}-${sel}-body` : `#comment-${sel} .${edit ? 'edit' : 'reply'}`);
}

/**
 * Opens (`true`) or closes the "Delete this comment?" group, which takes the place of the
 * comment's actions: focus moves to its first button, and back to the Delete button that opened it.
 */
export function confirm(host: Thread, id: string, open: boolean): Promise<void> {
  setUi(host, id, { confirm: open });
  return focusOn(host, `#comment-${CSS.escape(id)} .${open ? 'danger' : 'del'}`);
}

/** Deletes an own comment; focus moves to its parent, or the thread's heading (back to Delete if it failed). */
export async function deleteComment(host: Thread, id: string): Promise<void> {
  const tok = host.tokens[id];
  if (!tok) return;
  try {
    await host.client.remove(id, tok.t);
    const parent = findPath(host.comments, id)?.at(-2)?.id;
    forget(host, id);
    host.comments = removeComment(host.comments, id);
    host.recount(-1);
    host.announce(host.tr('live.deleted'));
    host.emit('parley-comment-deleted', { id });
    if (parent) await focusComment(host, parent);
    else await focusOn(host, '.count');
  } catch (err) {
    if (lost(err)) forget(host, id);
    void confirm(host, id, false);
    failed(host, err);
  }
}

/** Reports a comment to the moderators, once; the live region confirms it. */
export async function flag(host: Thread, id: string): Promise<void> {
  if (host.flags[id]) return;
  try {
    await host.client.flag(id);
    host.flags = saveIn<1>('flags', id, 1);
    setUi(host, id, {});
    host.announce(host.tr('live.flagged'));
  } catch (err) {
    failed(host, err);
  }
}

/** Votes up or down; the same vote again takes it back. */
export async function vote(host: Thread, id: string, value: 1 | -1): Promise<void> {
  const next = host.votes[id] === value ? 0 : value;
  try {
    const tally = await host.client.vote(id, next);
    host.votes = saveIn<1 | -1>('votes', id, next || undefined);
    host.comments = mapTree(host.comments, id, (c) => ({ ...c, ...tally }));
  } catch (err) {
    failed(host, err);
  }
}
