import { ApiError } from '../api.js';
import { bodyOf } from './bodies.js';
import { failed, fieldMessage, message } from './errors.js';
import { focusComment, focusOn, pageUrl, place } from './read.js';
import { type Identity, load, save, saveIn, type Token } from './storage.js';
import type { Thread } from './thread.js';
import { addReply, findPath, mapTree, removeComment, renew } from './tree.js';
import { EDIT_WINDOW_MS, type Held } from './types.js';
import { setForm, setUi, uiOf } from './ui.js';

/*
 * Writing to the thread: posting, replying, editing, previewing, deleting, reporting, voting and
 * following, with drafts and the commenter's details kept in localStorage. Functions of the
 * element rather than methods, so the chunk's minifier can shorten their names.
 */

const idOf = (key: string) => key.slice(2);
const draftKey = (host: Thread, key: string) => `draft:${host.siteId}:${host.pageKey}:${key}`;

/** The kept draft of a form, if any. */
export function draft(host: Thread, key: string): string | undefined {
  return load(draftKey(host, key), '') || undefined;
}

/** Keeps the text as it is typed. */
export function typing(host: Thread, key: string, e: Event): void {
  save(draftKey(host, key), (e.target as HTMLTextAreaElement).value);
}

/** Remembers the commenter's name, e-mail or website. */
export function remember(host: Thread, field: keyof Identity, e: Event): void {
  host.me = { ...host.me, [field]: (e.target as HTMLInputElement).value };
  save('me', host.me);
}

/** Whether the reader may still edit or delete a comment. */
export function canEdit(host: Thread, c: { id: string; deleted?: true }): boolean {
  const tok = host.tokens[c.id];
  return !!tok && !c.deleted && Date.now() - tok.at < EDIT_WINDOW_MS;
}

/** Ends a form after the server accepted it: no draft, no state. */
function done(host: Thread, key: string): void {
  save(draftKey(host, key), undefined);
  host.ui.delete(key);
}

/**
 * Shows why the server refused a form: each invalid field's message next to it, in the reader's
 * language ({@link fieldMessage}), said through the live region with the field's label, and focus
 * on the first invalid field; anything else (a field the form does not have, a network failure)
 * above the buttons, focus staying on the submit button (never disabled, so it keeps it).
 */
async function formFailed(host: Thread, key: string, form: HTMLFormElement, err: unknown): Promise<void> {
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
  const error = other ? `${message(host, err)} ${host.tr('form.draftKept')}` : '';
  setForm(host, key, { ...host.ui.get(key), busy: false, error, fields });
  failed(host, err, [...said, error].join(' ').trim());
  await host.updateComplete;
  form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
}

const forget = (host: Thread, id: string) => {
  host.tokens = saveIn<Token>('tokens', id, undefined);
};

const hold = (host: Thread, id: string, c: Held['c']) =>
  saveIn<Held>('held', id, { c, s: host.siteId, p: host.pageKey, at: Date.now() });

/** Posts a new comment or reply from a form, or saves an edit. */
export async function submit(host: Thread, key: string, e: Event, parentId?: string): Promise<void> {
  e.preventDefault();
  const form = e.currentTarget as HTMLFormElement;
  const data = new FormData(form);
  const st = uiOf(host, key);
  if (st.busy) return;
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const body = String(data.get('body') ?? '');
  const id = idOf(key);
  const edit = key[0] === 'e';
  const tok = host.tokens[id];
  if (edit && !tok) return;
  setForm(host, key, { preview: st.preview, shown: st.shown, busy: true });
  const [formToken, got = 0] = edit ? [] : (host.formToken ?? []);
  // The server refuses tokens younger than 2 s (scripts answer at once; people do not).
  await new Promise((ok) => setTimeout(ok, got + 2100 - Date.now()));
  try {
    if (edit && tok) {
      const { comment } = await host.client.edit(id, tok.t, body);
      done(host, key);
      setUi(host, id, { editing: false });
      host.comments = mapTree(host.comments, id, renew(comment));
      // An edit the site holds for moderation leaves the public listing: keep it for its author.
      if (comment.status === 'pending') hold(host, id, comment);
      host.announce(host.tr(comment.status === 'pending' ? 'live.editPending' : 'live.saved'));
      return await focusComment(host, id);
    }
    const { comment, editToken } = await host.client.post({
      site: host.siteId,
      page: host.pageKey,
      url: pageUrl(),
      title: document.title,
      // Fields left undefined (no parent, no name…) are not sent: JSON.stringify drops them.
      parentId,
      body,
      author: { name: text('name'), email: text('email'), website: text('website') },
      formToken,
      homepage: text('homepage'),
      // "Notify me of replies": mails go out in the reader's language (issue 8).
      ...(data.has('notify') && { notify: true, locale: host.t.lang }),
    });
    done(host, key);
    host.tokens = saveIn('tokens', comment.id, { t: editToken, at: Date.parse(comment.createdAt) || Date.now() });
    if (comment.status === 'pending') hold(host, comment.id, comment);
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
    host.announce(host.tr(comment.status === 'pending' ? 'live.pending' : 'live.posted'));
    host.emit('parley-comment-posted', { comment });
    await focusComment(host, comment.id, true);
  } catch (err) {
    if (edit && err instanceof ApiError && (err.status === 401 || err.status === 403)) forget(host, id);
    await formFailed(host, key, form, err);
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
    if (!open) save(draftKey(host, `e:${id}`), undefined);
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
