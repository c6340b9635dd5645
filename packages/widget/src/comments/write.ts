import { ApiError } from '../api.js';
import { bodyOf } from './bodies.js';
import { failed, fieldMessage, message, retryable } from './errors.js';
import { focusComment, focusOn, pageUrl, place } from './read.js';
import { send } from './send.js';
import { editableUntil, type Identity, load, save, saveIn, type Token } from './storage.js';
import type { Thread } from './thread.js';
import { addReply, findPath, mapTree, removeComment, renew } from './tree.js';
import type { Held } from './types.js';
import { setForm, setUi, uiOf } from './ui.js';

/*
 * Writing to the thread: posting, replying, editing, previewing, deleting, reporting, voting and
 * following, with drafts and the commenter's details kept in localStorage. Functions of the
 * element rather than methods, so the chunk's minifier can shorten their names.
 */

const idOf = (key: string) => key.slice(2);
/** Where the draft of form `key` of a page is kept (`<that>:key` keeps its post's Idempotency-Key). */
const draftKey = (site: string, page: string, key: string) => `draft:${site}:${page}:${key}`;
const here = (host: Thread, key: string) => draftKey(host.siteId, host.pageKey, key);

/** The kept draft of a form, if any. */
export function draft(host: Thread, key: string): string | undefined {
  return load(here(host, key), '') || undefined;
}

/** Keeps the text as it is typed. */
export function typing(host: Thread, key: string, e: Event): void {
  save(here(host, key), (e.target as HTMLTextAreaElement).value);
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

/** Ends a form after the server accepted it: no draft, no key, no state. */
function done(host: Thread, key: string, dk: string): void {
  save(dk, undefined);
  save(`${dk}:key`, undefined);
  host.ui.delete(key);
}

/**
 * Shows why a form failed: each invalid field's message next to it, in the reader's language
 * ({@link fieldMessage}), said through the live region with the field's label, and focus on the
 * first invalid field; anything else (a field the form does not have, a network failure) above
 * the buttons, focus staying on the submit button (never disabled, so it keeps it). The text
 * stays, and "try again" is said only where it may work ({@link retryable}). An edit the server
 * will never take (the window closed, the token or the comment gone: `kept`) keeps its text on
 * screen to copy, read-only and focused, without a submit button; its stored draft goes, as
 * nothing could send it any more.
 */
async function formFailed(host: Thread, key: string, form: HTMLFormElement, err: unknown, kept?: string): Promise<void> {
  const fields: Record<string, string> = {};
  const said: string[] = [];
  let other = !(err instanceof ApiError) || !err.fields.length;
  for (const f of err instanceof ApiError ? err.fields : []) {
    const name = /^(body|author\.(name|email|website))$/.test(f.path) && f.path.replace('author.', '');
    if (!name || !form.elements.namedItem(name)) other = true;
    else if (!fields[f.path]) {
      const error = fieldMessage(host, f);
      fields[f.path] = error;
      said.push(host.tr('form.fieldError', { field: host.tr(`form.${name}` as 'form.body'), error }));
    }
  }
  const again = retryable(err);
  const next = kept === undefined ? (again ? 'form.draftKept' : 'form.textKept') : 'form.notSaved';
  const error = other ? `${message(host, err)} ${host.tr(next)}` : '';
  setForm(host, key, { ...host.ui.get(key), busy: false, error, fields, again, kept });
  failed(host, err, [...said, error].join(' ').trim());
  await host.updateComplete;
  form.querySelector<HTMLElement>(kept === undefined ? '[aria-invalid=true]' : 'textarea')?.focus();
}

const forget = (host: Thread, id: string) => {
  host.tokens = saveIn<Token>('tokens', id, undefined);
};

/** Whether the server will never take this token's writes (window over, token wrong, comment gone). */
const lost = (err: unknown) => err instanceof ApiError && [401, 403, 404].includes(err.status);

const hold = (c: Held['c'], s: string, p: string) => saveIn<Held>('held', c.id, { c, s, p, at: Date.now() });

/**
 * Posts a new comment or reply from a form, or saves an edit. The page and site are those of
 * the moment it is sent: a single-page app may show another page before the answer comes, and
 * then only this post's draft goes, and the comment is not put in the other page's thread.
 */
export async function submit(host: Thread, key: string, e: Event, parentId?: string): Promise<void> {
  e.preventDefault();
  const form = e.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const st = uiOf(host, key);
  if (st.busy || st.kept !== undefined) return;
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const body = String(data.get('body') ?? '');
  const id = idOf(key);
  const edit = key[0] === 'e';
  const tok = host.tokens[id];
  if (edit && !tok) return;
  const { siteId: site, pageKey: page } = host;
  const dk = draftKey(site, page, key);
  const moved = () => host.siteId !== site || host.pageKey !== page;
  setForm(host, key, { preview: st.preview, shown: st.shown, busy: true });
  try {
    if (edit && tok) {
      const { comment } = await host.client.edit(id, tok.t, body);
      done(host, key, dk);
      setUi(host, id, { editing: false });
      host.comments = mapTree(host.comments, id, renew(comment));
      // An edit the site holds for moderation leaves the public listing: keep it for its author.
      if (comment.status === 'pending') hold(comment, site, page);
      host.announce(host.tr(comment.status === 'pending' ? 'live.editPending' : 'live.saved'));
      return await focusComment(host, id);
    }
    const {
      comment,
      editToken,
      editableUntil: until,
    } = await send(
      host,
      dk,
      {
        site,
        page,
        url: pageUrl(),
        title: document.title,
        // Fields left undefined (no parent, no name…) are not sent: JSON.stringify drops them.
        parentId,
        body,
        author: { name: text('name'), email: text('email'), website: text('website') },
        // "Notify me of replies": mails go out in the reader's language (issue 8).
        ...(data.has('notify') && { notify: true, locale: host.t.lang }),
      },
      text('homepage'),
    );
    // Only now, with a verified answer: a draft deleted before could not be had back.
    done(host, key, dk);
    const at = Date.parse(comment.createdAt) || Date.now();
    host.tokens = saveIn<Token>('tokens', comment.id, { t: editToken, at, u: Date.parse(until as string) || undefined });
    if (comment.status === 'pending') hold(comment, site, page);
    host.announce(host.tr(comment.status === 'pending' ? 'live.pending' : 'live.posted'));
    host.emit('parley-comment-posted', { comment });
    if (moved()) return;
    // A listing on its way may have been read before this post was stored (see `Thread.reload`).
    host.posted.push(comment);
    // The live stream may have brought this comment before the answer did: put it in once.
    const known = findPath([...host.comments, ...host.waiting], comment.id);
    const drop = () => undefined;
    host.waiting = mapTree(host.waiting, comment.id, drop);
    host.comments = mapTree(host.comments, comment.id, drop);
    if (parentId) {
      setUi(host, parentId, { replying: false, collapsed: false, showAll: true });
      host.comments = mapTree(host.comments, parentId, addReply(comment));
    } else {
      (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
      host.comments = place(host, [comment]);
    }
    if (!known) host.recount(1);
    await focusComment(host, comment.id, true);
  } catch (err) {
    const gone = edit && lost(err);
    if (gone) {
      forget(host, id);
      save(dk, undefined);
    }
    // Another page's form is shown now: the error is said, not put on it; the draft stays with its page.
    if (moved()) {
      setForm(host, key, {});
      return failed(host, err);
    }
    await formFailed(host, key, form, err, gone ? body : undefined);
  }
}

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
