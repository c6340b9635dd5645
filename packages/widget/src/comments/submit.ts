import { ApiError, type NewComment, type Posted } from '../api.js';
import { failed, fieldMessage, message, retryable } from './errors.js';
import { focusComment, pageUrl, place } from './read.js';
import { load, save, saveIn, type Token } from './storage.js';
import type { Thread } from './thread.js';
import { addReply, findPath, mapTree, renew } from './tree.js';
import type { Held } from './types.js';
import { setForm, setUi, uiOf } from './ui.js';
import { draftKey, forget, lost } from './write.js';

/*
 * Sending a form: a new comment or reply, or an edit. A post is stored once whatever happens to
 * its answer (lost, late, not the API's), the reader's text stays until a verified answer says it
 * was stored, and what the form then says is true (docs/embedding.md, "When posting fails").
 * Functions of the element rather than methods, as in write.ts.
 */

/** A new Idempotency-Key: 128 random bits (`crypto.randomUUID` needs a secure context). */
const newKey = () => `p${crypto.getRandomValues(new Uint32Array(4)).join('-')}`;

/** A form token from a new listing of the post's page (its first comment only). */
async function renewToken(host: Thread, input: NewComment): Promise<[string, number] | undefined> {
  const { formToken } = await host.client.list(input.site, input.page, { limit: 1 });
  const token: [string, number] | undefined = formToken ? [formToken, Date.now()] : undefined;
  if (host.siteId === input.site) host.formToken = token;
  return token;
}

/**
 * Sends a post with its `Idempotency-Key` (docs/api.md): the key made at the first try of this
 * post and kept beside its draft (`dk`), so a try again after an answer that never came, also
 * after a reload, gets the first answer (and edit token) back instead of storing the comment
 * twice; a post that changed (text, name…) gets a new key, which the server would otherwise refuse
 * (422 `idempotency-key-reused`: answered by one more try with a new key). A form token older
 * than 23 h (a tab open since yesterday; the server takes them for 24 h), or one the server
 * refused, is renewed from a listing and the post sent once more.
 */
async function send(host: Thread, dk: string, input: NewComment, homepage?: string): Promise<Posted> {
  const r = JSON.stringify(input);
  const kept = load<{ k?: string; r?: string }>(`${dk}:key`, {});
  let k = kept.r === r && kept.k ? kept.k : newKey();
  let token = host.formToken;
  if (token && Date.now() - token[1] > 828e5) token = await renewToken(host, input);
  for (let again = false; ; again = true) {
    save(`${dk}:key`, { k, r });
    const [formToken, got = 0] = token ?? [];
    // The server refuses tokens younger than 2 s (scripts answer at once; people do not).
    await new Promise((ok) => setTimeout(ok, got + 2100 - Date.now()));
    try {
      return await host.client.post({ ...input, formToken, homepage }, k);
    } catch (err) {
      const code = err instanceof ApiError && !again && err.code;
      if (code === 'spam-suspected') token = await renewToken(host, input);
      else if (code === 'idempotency-key-reused') k = newKey();
      else throw err;
    }
  }
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
  const id = key.slice(2);
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
