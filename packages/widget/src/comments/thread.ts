import type { PropertyDeclarations, PropertyValues } from 'lit';
import { ApiError, type Comment, type PageInfo } from '../api.js';
import { ParleyElement } from '../base.js';
import { embedConfig } from '../config.js';
import { resolveLanguage, type TermKey, type Terms } from '../i18n/index.js';
import { loadAllTerms, Translator } from '../i18n/translator.js';
import { bodyOf, prepareBodies } from './bodies.js';
import { listen } from './live.js';
import { type Identity, load, pruneTokens, save, saveIn, type Token } from './storage.js';
import { countAll, findPath, mapTree, removeComment } from './tree.js';

/** Top-level comments per request. */
export const PAGE_SIZE = 50;
/** The sort orders the server knows. */
export const SORTS = ['oldest', 'newest', 'top'] as const;
export type Sort = (typeof SORTS)[number];
/** The server's default edit window; the server has the last word (403 after it). */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

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
  /** A form: posting. */
  busy?: boolean;
  /** A form: the message of the last failure. */
  error?: string;
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

const idOf = (key: string) => key.slice(2);
/** An own held comment as kept in localStorage: the comment, its site and page, when posted. */
type Held = { c: Comment; s: string; p: string; at: number };
const strings = {
  fromAttribute(value: string | null): Terms {
    try {
      const parsed: unknown = JSON.parse(value ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Terms) : {};
    } catch {
      return {};
    }
  },
};

/**
 * The comment thread's state and actions, without its markup ({@link ParleyComments} renders):
 * reading (lazy first load, sort, cursor pagination, permalinks, translations, the live region)
 * and writing (post, reply, edit, delete, vote, with drafts, the commenter's details, edit
 * tokens and votes kept in localStorage). One class, so the thread's chunk carries one set of
 * helpers (docs/performance.md, "Embed budgets").
 */
export abstract class Thread extends ParleyElement {
  static override properties: PropertyDeclarations = {
    comments: { state: true },
    info: { state: true },
    next: { state: true },
    phase: { state: true },
    loadingMore: { state: true },
    order: { state: true },
    t: { state: true },
    announcement: { state: true },
    waiting: { state: true },
    noLazy: { type: Boolean, attribute: 'no-lazy' },
    noLive: { type: Boolean, attribute: 'no-live' },
    theme: {},
    strings: { converter: strings },
  };
  /** Per-comment UI and per-form state (see {@link Ui}); entries are replaced, never mutated. */
  readonly ui = new Map<string, Ui>();
  #observer: IntersectionObserver | undefined;
  #loadedFor = '';
  #ready = false;
  /** The table has loaded: nothing renders before (no English flash on other pages, no keys). */
  #translated = false;
  #terms: Promise<void> | undefined;
  #onHash = () => void this.openPermalink();
  #onShow = () => this.#live();
  /** Within about a viewport of being seen (set by the observer; true without one). */
  #near = false;
  /** The live stream while the thread is visible (see live.ts). */
  #source: EventSource | undefined;
  /** The last listing's form token and when it arrived (ms). */
  #form: [string, number] | undefined;

  comments: Comment[] = [];
  info: PageInfo | undefined;
  next: string | null = null;
  phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  loadingMore = false;
  order: Sort = 'oldest';
  t = new Translator();
  announcement = '';
  /** New top-level comments heard live, waiting for the reader's "show" (see live.ts). */
  waiting: Comment[] = [];
  /** The id of the last live event, to resume after it when the stream is opened again. */
  liveId = '';
  me: Identity = load('me', {});
  /** False when the server sends no e-mail: the form then offers no notify or follow control. */
  mail = true;
  votes: Record<string, 1 | -1> = load('votes', {});
  /** Comments this reader reported. */
  flags: Record<string, 1> = load('flags', {});
  /** Edit tokens; those past the edit window are dropped when the thread starts. */
  tokens: Record<string, Token> = pruneTokens(EDIT_WINDOW_MS);

  /** Fetch at once instead of waiting until the element is about one viewport away. */
  noLazy = false;
  /** No live updates: the thread changes only on the reader's own actions and reloads. */
  noLive = false;
  /** `light` (default), `dark` or `auto` (follows prefers-color-scheme). */
  theme = '';
  /** Overrides for any term, e.g. `{"form.submit": "Send"}` (attribute: JSON). */
  strings: Terms = {};

  override connectedCallback(): void {
    super.connectedCallback();
    this.order = load<Sort>(`sort:${this.siteId}`, 'oldest');
    if (!SORTS.includes(this.order)) this.order = 'oldest';
    addEventListener('hashchange', this.#onHash);
    document.addEventListener('visibilitychange', this.#onShow);
    this.#terms = this.#translate();
    if (this.noLazy || /^#comment-/.test(location.hash) || !self.IntersectionObserver) void this.reload();
    this.#near = !self.IntersectionObserver;
    // The same observer loads the thread when it comes near and, after that, opens the live
    // stream only while it stays near (issue 9: no stream for a thread nobody looks at).
    this.#observer = this.#near
      ? undefined
      : new IntersectionObserver(
          (entries) => {
            this.#near = !!entries.at(-1)?.isIntersecting;
            if (this.#near && !this.#loadedFor) void this.reload();
            this.#live();
          },
          { rootMargin: '100% 0px' },
        );
    this.#observer?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    removeEventListener('hashchange', this.#onHash);
    document.removeEventListener('visibilitychange', this.#onShow);
    this.#near = false;
    this.#live();
  }

  protected override shouldUpdate(): boolean {
    return this.#translated;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('strings') && this.hasUpdated) void this.#translate();
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('site') || changed.has('page')) && this.#loadedFor && this.#loadedFor !== this.#key) void this.reload();
    if (changed.has('phase') || changed.has('noLive')) this.#live();
  }

  /**
   * Opens the live stream when the thread is loaded, near the viewport and its tab is visible,
   * and closes it otherwise; opened again, it resumes after the last event it had (`liveId`), so
   * nothing is missed. live.ts is part of this chunk: as a chunk of its own, loaded at the same
   * moment, it cost 0.35 KB more gzipped in all (docs/performance.md, "Embed budgets").
   */
  #live(): void {
    if (!this.noLive && this.#near && this.phase === 'ready' && document.visibilityState === 'visible') {
      if (this.#source) return;
      const q = new URLSearchParams({ site: this.siteId, page: this.pageKey });
      if (this.liveId) q.set('lastEventId', this.liveId);
      this.#source = listen(this, `${this.client.base}/api/v1/events?${q}`);
    } else {
      this.#source?.close();
      this.#source = undefined;
    }
  }

  get #key(): string {
    return `${this.siteId}\n${this.pageKey}`;
  }

  async #translate(): Promise<void> {
    const lang = resolveLanguage(this);
    this.t = new Translator(lang, await loadAllTerms(lang), this.strings);
    this.#translated = true;
  }

  #draftKey(key: string): string {
    return `draft:${this.siteId}:${this.pageKey}:${key}`;
  }

  #message(err: unknown): string {
    if (!(err instanceof ApiError)) return this.tr('error.generic', { message: String(err) });
    const { status } = err;
    return status === 0
      ? this.tr('error.network')
      : status === 429
        ? this.tr('error.rate', { n: err.retryAfter ?? 60 })
        : err.code === 'edit-window-over'
          ? this.tr('error.window')
          : status >= 500
            ? this.tr('error.server')
            : this.tr('error.generic', { message: err.message });
  }

  /** Tells the reader and the page that an action failed. */
  #failed(error: unknown, text = this.#message(error)): void {
    this.announce(text);
    this.emit('parley-error', { error });
  }

  #formFailed(key: string, err: unknown): void {
    const fields: Record<string, string> = {};
    if (err instanceof ApiError) for (const f of err.fields) fields[f.path] ??= f.message;
    const error = err instanceof ApiError && err.fields.length ? '' : `${this.#message(err)} ${this.tr('form.draftKept')}`;
    this.setForm(key, { ...this.ui.get(key), busy: false, error, fields });
    this.#failed(err, error || Object.values(fields).join(' '));
  }

  /** Ends a form after the server accepted it: no draft, no state. */
  #done(key: string): void {
    save(this.#draftKey(key), undefined);
    this.ui.delete(key);
  }

  /** Focuses the first element matching `sel` once rendered. */
  async #focus(sel: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
  }

  /** The theme in effect: attribute, then the script tag, then light. */
  get themeName(): string {
    const theme = this.theme || embedConfig()?.theme || 'light';
    return ['light', 'dark', 'auto'].includes(theme) ? theme : 'light';
  }

  /** Whether the thread is closed to new comments. */
  get locked(): boolean {
    return !!this.info?.locked;
  }

  /** Shorthand for the translator. */
  tr(key: TermKey, vars?: Record<string, string | number>): string {
    return this.t.t(key, vars);
  }

  uiOf(id: string): Ui {
    return this.ui.get(id) ?? {};
  }

  /** Changes one comment's UI state and renews its path so that only it re-renders. */
  setUi(id: string, patch: Ui): void {
    this.ui.set(id, { ...this.uiOf(id), ...patch });
    this.comments = mapTree(this.comments, id, (c) => ({ ...c }));
  }

  /** Changes a form's state and re-renders just that form. */
  setForm(key: string, st: FormState): void {
    this.ui.set(key, st);
    if (key[1] === ':') this.setUi(idOf(key), {});
    else this.requestUpdate();
  }

  /** Opens the live stream again after the server refused `source` (see live.ts). */
  relive(source: EventSource): void {
    if (this.#source !== source) return;
    this.#source = undefined;
    this.#live();
  }

  /** Says `text` through the polite live region (re-announced even if repeated). */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Fires a bubbling, composed Parley event. */
  emit<K extends keyof ParleyEvents>(type: K, detail: ParleyEvents[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Loads the first page again (first load, retry, new sort). */
  async reload(): Promise<void> {
    if (!this.siteId) return;
    // Another page's stream must not resume this one's events; the same page's resumes.
    if (this.#loadedFor !== this.#key) this.liveId = '';
    this.#loadedFor = this.#key;
    this.phase = 'loading';
    try {
      const data = await this.client.list(this.siteId, this.pageKey, { sort: this.order, limit: PAGE_SIZE });
      if (data.formToken) this.#form = [data.formToken, Date.now()];
      this.mail = data.mail !== false;
      this.comments = this.#withHeld(data.comments);
      this.waiting = [];
      prepareBodies(this.comments);
      this.info = data.page;
      this.next = data.nextCursor;
      await this.#terms;
      this.phase = 'ready';
      if (!this.#ready) {
        this.#ready = true;
        this.emit('parley-ready', { count: data.page.count });
      }
      await this.openPermalink();
    } catch (error) {
      await this.#terms;
      this.phase = 'error';
      this.#failed(error, this.tr('comments.error'));
    }
  }

  /**
   * The reader's own comments that wait for a moderator (kept since they posted them, for a
   * week) added where they belong: the server lists only approved ones.
   */
  #withHeld(list: Comment[]): Comment[] {
    const held = load<Record<string, Held>>('held', {});
    for (const [id, h] of Object.entries(held)) {
      if (Date.now() - h.at > 7 * 864e5 || findPath(list, id)) saveIn<Held>('held', id, undefined);
      else if (h.s === this.siteId && h.p === this.pageKey) {
        const p = h.c.parentId;
        list = !p ? [...list, h.c] : mapTree(list, p, (c) => ({ ...c, replies: [...(c.replies ?? []), h.c] }));
      }
    }
    return list;
  }

  /** Appends the next page; returns how many comments it brought. */
  async loadMore(focus = true): Promise<number> {
    if (!this.next || this.loadingMore) return 0;
    this.loadingMore = true;
    try {
      const data = await this.client.list(this.siteId, this.pageKey, { sort: this.order, limit: PAGE_SIZE, cursor: this.next });
      const seen = new Set(this.comments.map((c) => c.id));
      const fresh = data.comments.filter((c) => !seen.has(c.id));
      // A comment heard live may come with a later page: shown there, it no longer waits.
      this.waiting = this.waiting.filter((w) => !fresh.some((c) => c.id === w.id));
      prepareBodies(fresh);
      this.comments = [...this.comments, ...fresh];
      this.info = data.page;
      this.next = data.nextCursor;
      const n = countAll(fresh);
      if (focus) {
        this.announce(this.tr('live.new', { n }));
        if (fresh[0]) void this.focusComment(fresh[0].id);
      }
      return n;
    } catch (error) {
      this.#failed(error, this.tr('comments.error'));
      return 0;
    } finally {
      this.loadingMore = false;
    }
  }

  /**
   * Shows the new comments heard live (the count already has them): at the top when the newest
   * come first, else at the end; focus moves to the first of them.
   */
  showNew(): void {
    const add = this.waiting;
    const newest = this.order === 'newest';
    if (newest) add.reverse();
    this.waiting = [];
    this.comments = newest ? [...add, ...this.comments] : [...this.comments, ...add];
    if (add[0]) void this.focusComment(add[0].id);
  }

  /** Chooses a sort order, remembers it for the site and reloads. */
  setSort(order: Sort): void {
    this.order = order;
    save(`sort:${this.siteId}`, order);
    void this.reload();
  }

  /** Moves focus to a comment once it is rendered. */
  async focusComment(id: string, scroll = false): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(id)}`);
    if (!el) return;
    if (scroll) {
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
    el.focus({ preventScroll: scroll });
  }

  /** Shows the comment named by `#comment-<id>`, loading pages until it turns up. */
  async openPermalink(): Promise<void> {
    const id = /^#comment-(.+)$/.exec(location.hash)?.[1];
    if (!id || this.phase !== 'ready') return;
    const target = decodeURIComponent(id);
    let path = findPath(this.comments, target);
    for (let i = 0; !path && this.next && i < 500; i++) {
      await this.loadMore(false);
      path = findPath(this.comments, target);
    }
    if (!path) return;
    for (const c of path.slice(0, -1)) this.ui.set(c.id, { ...this.uiOf(c.id), collapsed: false, showAll: true });
    for (const [k, v] of this.ui) if (v.hl) this.setUi(k, { hl: false });
    this.setUi(target, { hl: true });
    await this.focusComment(target, true);
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

  /** Posts a new comment or reply from a form, or saves an edit. */
  async submit(key: string, e: Event, parentId?: string): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const st = this.uiOf(key);
    if (st.busy) return;
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const body = String(data.get('body') ?? '');
    const id = idOf(key);
    const edit = key[0] === 'e';
    const tok = this.tokens[id];
    if (edit && !tok) return;
    this.setForm(key, { preview: st.preview, shown: st.shown, busy: true });
    const [formToken, got = 0] = edit ? [] : (this.#form ?? []);
    // The server refuses tokens younger than 2 s (scripts answer at once; people do not).
    await new Promise((ok) => setTimeout(ok, got + 2100 - Date.now()));
    try {
      if (edit && tok) {
        const { comment } = await this.client.edit(id, tok.t, body);
        this.#done(key);
        this.ui.set(id, { ...this.uiOf(id), editing: false });
        this.comments = mapTree(this.comments, id, (c) => ({ ...comment, replies: c.replies ?? [] }));
        // An edit the site holds for moderation leaves the public listing: keep it for its author.
        if (comment.status === 'pending')
          saveIn<Held>('held', id, { c: comment, s: this.siteId, p: this.pageKey, at: Date.now() });
        this.announce(this.tr('live.saved'));
        return await this.focusComment(id);
      }
      const author = { name: text('name'), email: text('email'), website: text('website') };
      const { comment, editToken } = await this.client.post({
        site: this.siteId,
        page: this.pageKey,
        url: location.href.split('#')[0],
        title: document.title,
        ...(parentId ? { parentId } : {}),
        body,
        author: JSON.parse(JSON.stringify(author)) as typeof author,
        formToken,
        homepage: text('homepage'),
        // "Notify me of replies": mails go out in the reader's language (issue 8).
        ...(data.has('notify') && { notify: true, locale: this.t.lang }),
      });
      this.#done(key);
      this.tokens = saveIn('tokens', comment.id, { t: editToken, at: Date.parse(comment.createdAt) || Date.now() });
      if (comment.status === 'pending')
        saveIn<Held>('held', comment.id, { c: comment, s: this.siteId, p: this.pageKey, at: Date.now() });
      // The live stream may have brought this comment before the answer did: put it in once.
      const known = findPath([...this.comments, ...this.waiting], comment.id);
      const drop = () => undefined;
      this.waiting = mapTree(this.waiting, comment.id, drop);
      this.comments = mapTree(this.comments, comment.id, drop);
      if (parentId) {
        this.ui.set(parentId, { ...this.uiOf(parentId), replying: false, collapsed: false, showAll: true });
        this.comments = mapTree(this.comments, parentId, (c) => ({ ...c, replies: [...(c.replies ?? []), comment] }));
      } else {
        (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
        this.comments = this.order === 'newest' ? [comment, ...this.comments] : [...this.comments, comment];
      }
      if (this.info && !known) this.info = { ...this.info, count: this.info.count + 1 };
      this.announce(this.tr(comment.status === 'pending' ? 'live.pending' : 'live.posted'));
      this.emit('parley-comment-posted', { comment });
      await this.focusComment(comment.id, true);
    } catch (err) {
      if (edit && err instanceof ApiError && (err.status === 401 || err.status === 403)) this.#forget(id);
      this.#formFailed(key, err);
    }
  }

  /**
   * Shows the server's rendering of the form's text (`POST /api/v1/preview`, the renderer a post
   * goes through) in place of the text field, or the field again. The box is busy until the
   * answer comes; an answer for a preview closed or reopened meanwhile is dropped.
   */
  async togglePreview(key: string, form: HTMLFormElement): Promise<void> {
    const st = this.uiOf(key);
    const open = { ...st, preview: !st.preview, shown: undefined };
    this.setForm(key, open);
    if (st.preview) return;
    try {
      const text = (form.elements.namedItem('body') as HTMLTextAreaElement).value;
      const { html } = await this.client.preview(this.siteId, this.pageKey, text);
      if (this.ui.get(key) === open) this.setForm(key, { ...open, shown: bodyOf(html) });
    } catch (err) {
      if (this.ui.get(key) === open) this.setForm(key, { ...open, preview: false });
      this.#failed(err);
    }
  }

  #forget(id: string): void {
    this.tokens = saveIn<Token>('tokens', id, undefined);
  }

  /**
   * "Follow this discussion" for the e-mail typed in the form: the server mails the address a
   * link to confirm (double opt-in); the button then says to check the inbox.
   */
  async follow(): Promise<void> {
    this.setForm('follow', { busy: true });
    try {
      await this.client.follow({ site: this.siteId, page: this.pageKey, email: this.me.email ?? '', locale: this.t.lang });
      this.setForm('follow', { done: true });
      await this.#focus('#followed');
    } catch (err) {
      const error = this.#message(err);
      this.setForm('follow', { error });
      this.#failed(err, error);
    }
  }

  /** Opens or closes the reply form under a comment. */
  toggleReply(id: string, open: boolean): Promise<void> {
    this.setUi(id, { replying: open });
    return this.#focus(open ? `#r-${CSS.escape(id)}-body` : `#comment-${CSS.escape(id)} .reply`);
  }

  /** Opens or closes the edit form of an own comment. */
  toggleEdit(id: string, open: boolean): Promise<void> {
    if (!open) save(this.#draftKey(`e:${id}`), undefined);
    this.ui.delete(`e:${id}`);
    this.setUi(id, { editing: open });
    return this.#focus(open ? `#e-${CSS.escape(id)}-body` : `#comment-${CSS.escape(id)} .edit`);
  }

  /** Deletes an own comment; focus moves to its parent, or the thread's heading. */
  async deleteComment(id: string): Promise<void> {
    const tok = this.tokens[id];
    if (!tok) return;
    try {
      await this.client.remove(id, tok.t);
      const parent = findPath(this.comments, id)?.at(-2)?.id;
      this.#forget(id);
      this.comments = removeComment(this.comments, id);
      if (this.info) this.info = { ...this.info, count: Math.max(0, this.info.count - 1) };
      this.announce(this.tr('live.deleted'));
      this.emit('parley-comment-deleted', { id });
      if (parent) await this.focusComment(parent);
      else await this.#focus('.count');
    } catch (err) {
      this.setUi(id, { confirm: false });
      this.#failed(err);
    }
  }

  /** Reports a comment to the moderators, once; the live region confirms it. */
  async flag(id: string): Promise<void> {
    if (this.flags[id]) return;
    try {
      await this.client.flag(id);
      this.flags = saveIn<1>('flags', id, 1);
      this.setUi(id, {});
      this.announce(this.tr('live.flagged'));
    } catch (err) {
      this.#failed(err);
    }
  }

  /** Votes up or down; the same vote again takes it back. */
  async vote(id: string, value: 1 | -1): Promise<void> {
    const next = this.votes[id] === value ? 0 : value;
    try {
      const tally = await this.client.vote(id, next);
      this.votes = saveIn<1 | -1>('votes', id, next || undefined);
      this.comments = mapTree(this.comments, id, (c) => ({ ...c, ...tally }));
    } catch (err) {
      this.#failed(err);
    }
  }
}
