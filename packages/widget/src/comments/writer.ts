import { ApiError, type Comment } from '../api.js';
import { ThreadReader } from './reader.js';
import { type Identity, load, pruneTokens, save, saveIn, type Token } from './storage.js';
import { findPath, mapTree, removeComment } from './tree.js';

/** The server's default edit window; the server has the last word (403 after it). */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** The state of one form: root (`root`), a reply (`r:<id>`) or an edit (`e:<id>`). */
export interface FormState {
  busy?: boolean;
  error?: string;
  fields?: Record<string, string>;
  preview?: boolean;
}

const ID_OF = (key: string) => key.slice(2);

/**
 * Writing: posting, replying, editing, deleting and voting, with drafts, the commenter's details,
 * edit tokens and votes kept in localStorage.
 */
export abstract class ThreadWriter extends ThreadReader {
  readonly forms = new Map<string, FormState>();
  me: Identity = load('me', {});
  votes: Record<string, 1 | -1> = load('votes', {});
  tokens: Record<string, Token> = pruneTokens(EDIT_WINDOW_MS);

  /** Changes a form's state and re-renders just that form. */
  setForm(key: string, st: FormState): void {
    this.forms.set(key, st);
    if (key === 'root') this.requestUpdate();
    else this.setUi(ID_OF(key), {});
  }

  #draftKey(key: string): string {
    return `draft:${this.siteId}:${this.pageKey}:${key}`;
  }

  /** The kept draft of a form, if any. */
  draft(key: string): string | undefined {
    return load<string | undefined>(this.#draftKey(key), undefined);
  }

  /** Keeps the text as it is typed. */
  typing(key: string, e: Event): void {
    save(this.#draftKey(key), (e.target as HTMLTextAreaElement).value);
  }

  /** Remembers the commenter's name, e-mail or website. */
  remember(field: keyof Identity, e: Event): void {
    this.me = { ...this.me, [field]: (e.target as HTMLInputElement).value };
    save('me', this.me);
  }

  /** Whether the reader may still edit or delete a comment. */
  canEdit(c: Comment): boolean {
    const tok = this.tokens[c.id];
    return !!tok && !c.deleted && Date.now() - tok.at < EDIT_WINDOW_MS;
  }

  #message(err: unknown): string {
    if (!(err instanceof ApiError)) return this.tr('error.generic', { message: String(err) });
    if (err.status === 0) return this.tr('error.network');
    if (err.status === 429) return this.tr('error.rate', { n: err.retryAfter ?? 60 });
    if (err.code === 'edit-window-over') return this.tr('error.window');
    if (err.status >= 500) return this.tr('error.server');
    return this.tr('error.generic', { message: err.message });
  }

  #fail(key: string, err: unknown): void {
    const fields: Record<string, string> = {};
    if (err instanceof ApiError) for (const f of err.fields) fields[f.path] ??= f.message;
    const error = err instanceof ApiError && err.fields.length ? '' : `${this.#message(err)} ${this.tr('form.draftKept')}`;
    this.setForm(key, { ...this.forms.get(key), busy: false, error, fields });
    this.announce(error || Object.values(fields).join(' '));
    this.emit('parley-error', { error: err });
  }

  /** Posts a new comment or reply from a form. */
  async submit(key: string, e: Event, parentId?: string): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const st = this.forms.get(key) ?? {};
    if (st.busy) return;
    if (key.startsWith('e:')) return this.#saveEdit(key, String(data.get('body') ?? ''));
    this.setForm(key, { preview: st.preview, busy: true });
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    try {
      const author = { name: text('name'), email: text('email'), website: text('website') };
      const { comment, editToken } = await this.client.post({
        site: this.siteId,
        page: this.pageKey,
        url: location.href.split('#')[0],
        title: document.title,
        ...(parentId ? { parentId } : {}),
        body: String(data.get('body') ?? ''),
        author: JSON.parse(JSON.stringify(author)) as typeof author,
      });
      save(this.#draftKey(key), undefined);
      this.forms.delete(key);
      this.tokens = saveIn('tokens', comment.id, { t: editToken, at: Date.parse(comment.createdAt) || Date.now() });
      if (parentId) {
        this.ui.set(parentId, { ...this.uiOf(parentId), replying: false, collapsed: false, showAll: true });
        this.comments = mapTree(this.comments, parentId, (c) => ({ ...c, replies: [...(c.replies ?? []), comment] }));
      } else {
        (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
        this.comments = this.order === 'newest' ? [comment, ...this.comments] : [...this.comments, comment];
        this.requestUpdate();
      }
      if (this.info) this.info = { ...this.info, count: this.info.count + 1 };
      this.announce(this.tr(comment.status === 'pending' ? 'live.pending' : 'live.posted'));
      this.emit('parley-comment-posted', { comment });
      await this.focusComment(comment.id, true);
    } catch (err) {
      this.#fail(key, err);
    }
  }

  async #saveEdit(key: string, body: string): Promise<void> {
    const id = ID_OF(key);
    const tok = this.tokens[id];
    if (!tok) return;
    this.setForm(key, { busy: true });
    try {
      const { comment } = await this.client.edit(id, tok.t, body);
      save(this.#draftKey(key), undefined);
      this.forms.delete(key);
      this.ui.set(id, { ...this.uiOf(id), editing: false });
      this.comments = mapTree(this.comments, id, (c) => ({ ...comment, replies: c.replies ?? [] }));
      this.announce(this.tr('live.saved'));
      await this.focusComment(id);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) this.#forget(id);
      this.#fail(key, err);
    }
  }

  #forget(id: string): void {
    this.tokens = saveIn<Token>('tokens', id, undefined);
  }

  /** Opens or closes the reply form under a comment. */
  async toggleReply(id: string, open: boolean): Promise<void> {
    this.setUi(id, { replying: open });
    await this.updateComplete;
    const sel = open ? `#r-${CSS.escape(id)}-body` : `#comment-${CSS.escape(id)} .reply`;
    this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
  }

  /** Opens or closes the edit form of an own comment. */
  async toggleEdit(id: string, open: boolean): Promise<void> {
    if (!open) save(this.#draftKey(`e:${id}`), undefined);
    this.forms.delete(`e:${id}`);
    this.setUi(id, { editing: open });
    await this.updateComplete;
    const sel = open ? `#e-${CSS.escape(id)}-body` : `#comment-${CSS.escape(id)} .edit`;
    this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
  }

  /** Deletes an own comment; focus moves to its parent, or the thread's heading. */
  async deleteComment(id: string): Promise<void> {
    const tok = this.tokens[id];
    if (!tok) return;
    try {
      await this.client.remove(id, tok.t);
      const parent = this.#parentOf(id);
      this.#forget(id);
      this.comments = removeComment(this.comments, id);
      if (this.info) this.info = { ...this.info, count: Math.max(0, this.info.count - 1) };
      this.announce(this.tr('live.deleted'));
      this.emit('parley-comment-deleted', { id });
      await this.updateComplete;
      if (parent) await this.focusComment(parent);
      else this.renderRoot.querySelector<HTMLElement>('.count')?.focus();
    } catch (err) {
      this.setUi(id, { confirm: false });
      this.announce(this.#message(err));
      this.emit('parley-error', { error: err });
    }
  }

  #parentOf(id: string): string | undefined {
    return findPath(this.comments, id)?.at(-2)?.id;
  }

  /** Votes up or down; the same vote again takes it back. */
  async vote(id: string, value: 1 | -1): Promise<void> {
    const next = this.votes[id] === value ? 0 : value;
    try {
      const tally = await this.client.vote(id, next);
      this.votes = saveIn<1 | -1>('votes', id, next || undefined);
      this.comments = mapTree(this.comments, id, (c) => ({ ...c, ...tally }));
    } catch (err) {
      this.announce(this.#message(err));
      this.emit('parley-error', { error: err });
    }
  }
}
