import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { Comment, PageInfo, ParleyApi } from '../api.js';
import { ParleyElement } from '../base.js';
import { embedConfig } from '../config.js';
import { resolveLanguage, type TermKey, type Terms } from '../i18n/index.js';
import { loadAllTerms, Translator } from '../i18n/translator.js';
import { prepareBodies } from './bodies.js';
import { failed } from './errors.js';
import { listen } from './live.js';
import { openPermalink, withHeld } from './read.js';
import { type Identity, load, pruneTokens, type Token } from './storage.js';
import { strings } from './strings.js';
import { PAGE_SIZE, type ParleyEvents, SORTS, type Sort, type Ui } from './types.js';

/**
 * What the thread's modules read of the element besides its own members: its site, page and API
 * client, protected on {@link ParleyElement} and public here (a type only: no bytes).
 */
export interface Thread {
  get siteId(): string;
  get pageKey(): string;
  get client(): ParleyApi;
}

/**
 * The comment thread's state, without its markup ({@link ParleyComments} renders): the first
 * load (lazy, translated, with the reader's held comments), the live stream, the per-comment and
 * per-form UI state and the live region. One class, so the thread's chunk carries one set of
 * helpers (docs/performance.md, "Embed budgets"); what the reader does with it lives in modules
 * of functions taking the element (read.ts: more pages, sort, permalinks, focus; write.ts: post,
 * reply, edit, preview, delete, report, vote, follow, drafts; ui.ts: reading and changing the
 * per-comment and per-form state), whose names the minifier shortens where a method's could not be.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface only makes inherited getters public.
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
  #onHash = () => void openPermalink(this);
  #onShow = () => this.#live();
  /** Within about a viewport of being seen (set by the observer; true without one). */
  #near = false;
  /** The live stream while the thread is visible (see live.ts). */
  #source: EventSource | undefined;

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
  /** The last listing's form token and when it arrived (ms), sent back with a post. */
  formToken: [string, number] | undefined;
  /** Edit tokens; those past the edit window are dropped when the thread starts. */
  tokens: Record<string, Token> = pruneTokens();
  /**
   * The reader's comments posted since the listing on its way was asked for: it may have been
   * read before they were stored, and must not hide them when it comes (see {@link reload}).
   */
  posted: Comment[] = [];
  /**
   * Aborted when the thread loads anew (another page or site, another sort): the requests for
   * the old thread stop, and an answer already on its way is dropped (see {@link reload}).
   */
  loading = new AbortController();
  /** Each comment's body element by id, with the HTML it was made from (see bodies.ts). */
  readonly bodies = new Map<string, [string, HTMLElement]>();

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
    // Taken off the page mid-load: its listing request stops, and put back, it loads again.
    if (this.phase === 'loading') {
      this.loading.abort();
      this.#loadedFor = '';
    }
  }

  protected override shouldUpdate(): boolean {
    // Here, not in `updated`: a new page or site set before the table is in skips that update,
    // and the thread would go on with the old page's listing.
    if (this.#loadedFor && this.#loadedFor !== this.#key) void this.reload();
    return this.#translated;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('strings') && this.hasUpdated) void this.#translate();
  }

  protected override updated(changed: PropertyValues): void {
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

  /** Opens the live stream again after the server refused `source` (see live.ts). */
  relive(source: EventSource): void {
    if (this.#source !== source) return;
    this.#source = undefined;
    this.#live();
  }

  /** Adds `n` (new comments, or −1 for a deleted one) to the page's count. */
  recount(n: number): void {
    if (this.info) this.info = { ...this.info, count: Math.max(0, this.info.count + n) };
  }

  /** Says `text` through the polite live region (re-announced even if repeated). */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Fires a bubbling, composed Parley event. */
  emit<K extends keyof ParleyEvents>(type: K, detail: ParleyEvents[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /**
   * Loads the first page again (first load, retry, new sort, new page or site). The previous
   * load and its later pages are aborted, and their answers dropped: a single-page app's late
   * answer for the page it left must not replace the new page's thread.
   */
  async reload(): Promise<void> {
    if (!this.siteId) return;
    this.loading.abort();
    this.loading = new AbortController();
    const { signal } = this.loading;
    // Another page's stream must not resume this one's events; the same page's resumes.
    if (this.#loadedFor !== this.#key) this.liveId = '';
    this.#loadedFor = this.#key;
    this.phase = 'loading';
    this.posted = [];
    try {
      const data = await this.client.list(this.siteId, this.pageKey, { sort: this.order, limit: PAGE_SIZE, signal });
      await this.#terms;
      if (signal.aborted) return;
      if (data.formToken) this.formToken = [data.formToken, Date.now()];
      this.mail = data.mail !== false;
      this.comments = withHeld(this, data.comments, true, this.posted);
      this.waiting = [];
      prepareBodies(this, this.comments);
      this.info = data.page;
      this.next = data.nextCursor;
      this.phase = 'ready';
      if (!this.#ready) {
        this.#ready = true;
        this.emit('parley-ready', { count: data.page.count });
      }
      await openPermalink(this);
    } catch (error) {
      await this.#terms;
      if (signal.aborted) return;
      this.phase = 'error';
      failed(this, error, this.tr('comments.error'));
    }
  }
}
