import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { Comment, PageInfo } from '../api.js';
import { ParleyElement } from '../base.js';
import { embedConfig } from '../config.js';
import { resolveLanguage, type TermKey, type Terms } from '../i18n/index.js';
import { loadAllTerms, Translator } from '../i18n/translator.js';
import { prepareBodies } from './bodies.js';
import { load, save } from './storage.js';
import { countAll, findPath, mapTree } from './tree.js';

/** Top-level comments per request. */
export const PAGE_SIZE = 50;
/** The sort orders the server knows. */
export const SORTS = ['oldest', 'newest', 'top'] as const;
export type Sort = (typeof SORTS)[number];

/** What the reader has opened, closed or highlighted on one comment. */
export interface Ui {
  collapsed?: boolean;
  showAll?: boolean;
  replying?: boolean;
  editing?: boolean;
  confirm?: boolean;
  hl?: boolean;
  /** The comment's share bar is open. */
  share?: boolean;
}

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
 * Reading a thread: lazy first load, sort, cursor pagination, permalinks, per-comment UI state,
 * translations and the live region. {@link ParleyComments} adds writing and rendering.
 */
export abstract class ThreadReader extends ParleyElement {
  static override properties: PropertyDeclarations = {
    comments: { state: true },
    info: { state: true },
    next: { state: true },
    phase: { state: true },
    loadingMore: { state: true },
    order: { state: true },
    t: { state: true },
    announcement: { state: true },
    noLazy: { type: Boolean, attribute: 'no-lazy' },
    theme: {},
    strings: { converter: strings },
  };
  /** Per-comment UI state; replaced (never mutated) so `guard` sees a change. */
  readonly ui = new Map<string, Ui>();
  #observer: IntersectionObserver | undefined;
  #loadedFor = '';
  #ready = false;
  #onHash = () => void this.openPermalink();

  comments: Comment[] = [];
  info: PageInfo | undefined;
  next: string | null = null;
  phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  loadingMore = false;
  order: Sort = 'oldest';
  t = new Translator();
  announcement = '';

  /** Fetch at once instead of waiting until the element is about one viewport away. */
  noLazy = false;
  /** `light` (default), `dark` or `auto` (follows prefers-color-scheme). */
  theme = '';
  /** Overrides for any term, e.g. `{"form.submit": "Send"}` (attribute: JSON). */
  strings: Terms = {};

  override connectedCallback(): void {
    super.connectedCallback();
    this.order = load<Sort>(`sort:${this.siteId}`, 'oldest');
    if (!SORTS.includes(this.order)) this.order = 'oldest';
    window.addEventListener('hashchange', this.#onHash);
    void this.#translate();
    if (this.noLazy || /^#comment-/.test(location.hash) || typeof IntersectionObserver === 'undefined') void this.reload();
    else {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          this.#observer?.disconnect();
          void this.reload();
        },
        { rootMargin: '100% 0px' },
      );
      this.#observer.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    window.removeEventListener('hashchange', this.#onHash);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('strings') && this.hasUpdated) void this.#translate();
  }

  protected override updated(changed: PropertyValues): void {
    if ((changed.has('site') || changed.has('page')) && this.#loadedFor && this.#loadedFor !== this.#key) void this.reload();
  }

  get #key(): string {
    return `${this.siteId}\n${this.pageKey}`;
  }

  async #translate(): Promise<void> {
    const lang = resolveLanguage(this);
    this.t = new Translator(lang, await loadAllTerms(lang), this.strings);
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
    this.#loadedFor = this.#key;
    this.phase = 'loading';
    try {
      const data = await this.client.list(this.siteId, this.pageKey, { sort: this.order, limit: PAGE_SIZE });
      prepareBodies(data.comments);
      this.comments = data.comments;
      this.info = data.page;
      this.next = data.nextCursor;
      this.phase = 'ready';
      if (!this.#ready) {
        this.#ready = true;
        this.emit('parley-ready', { count: data.page.count });
      }
      await this.openPermalink();
    } catch (error) {
      this.phase = 'error';
      this.announce(this.tr('comments.error'));
      this.emit('parley-error', { error });
    }
  }

  /** Appends the next page; returns how many comments it brought. */
  async loadMore(focus = true): Promise<number> {
    if (!this.next || this.loadingMore) return 0;
    this.loadingMore = true;
    try {
      const data = await this.client.list(this.siteId, this.pageKey, { sort: this.order, limit: PAGE_SIZE, cursor: this.next });
      const seen = new Set(this.comments.map((c) => c.id));
      const fresh = data.comments.filter((c) => !seen.has(c.id));
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
      this.announce(this.tr('comments.error'));
      this.emit('parley-error', { error });
      return 0;
    } finally {
      this.loadingMore = false;
    }
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
}

/** Details of the events `<parley-comments>` fires. */
export interface ParleyEvents {
  'parley-ready': { count: number };
  'parley-error': { error: unknown };
  'parley-comment-posted': { comment: Comment };
  'parley-comment-deleted': { id: string };
}
