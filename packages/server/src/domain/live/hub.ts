import type { LiveEvent, LiveEvents, LiveListener } from '../../storage/live-events.js';
import type { CommentRecord } from '../../storage/types.js';
import { Problem } from '../problem.js';
import { KEEP_ALIVE, publicFrame, retryFrame, sseFrame } from './frames.js';
import { type HubSettings, type LiveHubOptions, withDefaults } from './options.js';
import { Subscriber } from './subscriber.js';

const BATCH = 500;
const SEEN = 10_000;

/**
 * Fans the event log out to server-sent-event readers in memory. One shared reader per process
 * (the LISTEN connection on PostgreSQL, a cheap poll plus {@link poke} on SQLite) reads each new
 * event and the comment it names once, encodes one frame, and writes it to every reader of that
 * page. Readers resume with `Last-Event-ID`; one too far behind is told to reload.
 */
export class LiveHub {
  readonly #log: LiveEvents;
  readonly #pages = new Map<string, Set<Subscriber>>();
  readonly #options: HubSettings;
  readonly #overlapMs: number | undefined;
  readonly #now: () => number;
  #size = 0;
  #started: Promise<void> | undefined;
  #listener: LiveListener | undefined;
  #timers: NodeJS.Timeout[] = [];
  /** Highest event id read; the poll and a reconnection catch up from here. */
  #cursor = 0;
  /** Recently delivered ids, so a notification and a catch-up never deliver one event twice. */
  readonly #seen = new Set<number>();
  #pendingIds: number[] = [];
  #catchUp = false;
  #draining: Promise<void> | undefined;
  #closed = false;

  constructor(log: LiveEvents, options: LiveHubOptions = {}) {
    this.#log = log;
    this.#now = options.now ?? Date.now;
    this.#options = withDefaults(options);
    this.#overlapMs = options.overlapMs;
  }

  /** Open streams. */
  get size(): number {
    return this.#size;
  }

  /**
   * Registers a reader of one page. Without `lastEventId` the reader gets the page's events of
   * the last few seconds (what a listing it just loaded may have missed); with one, every event
   * after it, or a `reload` event when those are no longer kept.
   */
  async subscribe(siteId: string, pageKey: string, lastEventId?: number): Promise<Subscriber> {
    if (this.#closed) throw new Problem(503, 'unavailable', 'This server is shutting down; reconnect');
    if (this.#size >= this.#options.maxStreams) {
      throw new Problem(503, 'unavailable', 'This server has as many live readers as it takes; try again later', {
        retryAfter: 30,
      });
    }
    await this.#start();
    const key = pageId(siteId, pageKey);
    const sub = new Subscriber(key, (s) => this.#remove(s));
    let set = this.#pages.get(key);
    if (!set) {
      set = new Set();
      this.#pages.set(key, set);
    }
    set.add(sub);
    this.#size++;
    try {
      sub.prepend(await this.#opening(siteId, pageKey, lastEventId));
    } catch (err) {
      sub.close();
      throw err;
    }
    return sub;
  }

  /** Reads what this process just wrote, without waiting for the poll (SQLite). */
  poke(): void {
    if (this.#listener || !this.#started || this.#closed) return;
    this.#catchUp = true;
    this.#drain();
  }

  /**
   * Asks every reader to reconnect after `retryMs` (to another instance behind the balancer) and
   * ends its stream; new subscriptions are refused. Used on SIGTERM.
   */
  shutdown(retryMs = 1_000): void {
    this.#closed = true;
    const bye = retryFrame(retryMs);
    for (const set of [...this.#pages.values()]) {
      for (const sub of [...set]) {
        sub.push(bye);
        sub.close();
      }
    }
  }

  /** {@link shutdown}, then stops the listener and timers. */
  async close(): Promise<void> {
    this.shutdown();
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
    this.#pendingIds = [];
    this.#catchUp = false;
    // A drain under way finds the hub closed and stops; it is not awaited, since it may be
    // sleeping off a database that is gone.
    await this.#listener?.close();
  }

  async #opening(siteId: string, pageKey: string, lastEventId: number | undefined): Promise<Uint8Array[]> {
    const frames = [retryFrame(this.#options.retryMs)];
    // A new reader starts from the newest event this hub has read: no query for the bounds.
    let { oldest, latest } = { oldest: 0, latest: this.#cursor };
    let after = latest;
    if (lastEventId !== undefined) {
      ({ oldest, latest } = await this.#log.bounds());
      // An id from the future (another database, a restore) or one whose successors were pruned.
      if (lastEventId > latest || (oldest > 0 && lastEventId < oldest - 1)) {
        return [...frames, sseFrame('reload', { reason: 'history-gone' }, latest)];
      }
      after = lastEventId;
    }
    const window = lastEventId === undefined ? this.#options.recentMs : (this.#overlapMs ?? (this.#listener ? 2_000 : 0));
    const since = window > 0 ? this.#now() - window : Number.MAX_SAFE_INTEGER;
    const events = await this.#log.forPage(siteId, pageKey, after, since, this.#options.maxReplay + 1);
    if (events.length > this.#options.maxReplay) return [...frames, sseFrame('reload', { reason: 'too-many' }, latest)];
    frames.push(sseFrame('ready', { id: latest }, lastEventId === undefined ? latest : undefined));
    const comments = await this.#comments(events);
    for (const e of events) {
      const frame = publicFrame(e, comments.get(e.commentId));
      if (frame) frames.push(frame);
    }
    return frames;
  }

  #start(): Promise<void> {
    this.#started ??= (async () => {
      this.#cursor = (await this.#log.bounds()).latest;
      const listener = this.#log.listener();
      if (listener) {
        this.#listener = listener;
        listener.start({
          onIds: (ids) => {
            this.#pendingIds.push(...ids);
            this.#drain();
          },
          onConnected: () => {
            this.#catchUp = true;
            this.#drain();
          },
          onDisconnected: (err) => console.error(`live events: listener lost the database (${err.message}); reconnecting`),
        });
      } else {
        this.#every(this.#options.pollMs, () => {
          if (this.#size > 0) this.poke();
        });
      }
      this.#every(this.#options.keepAliveMs, () => this.#broadcast(KEEP_ALIVE));
      const prune = () =>
        void this.#log.prune(this.#now() - this.#options.retentionMs).catch((err: Error) => {
          console.error(`live events: pruning failed (${err.message})`);
        });
      prune();
      this.#every(Math.min(this.#options.retentionMs, 600_000), prune);
    })();
    // A failed start (database down) is tried again by the next reader.
    this.#started.catch(() => {
      this.#started = undefined;
    });
    return this.#started;
  }

  #every(ms: number, fn: () => void): void {
    const t = setInterval(fn, ms);
    t.unref();
    this.#timers.push(t);
  }

  #broadcast(chunk: Uint8Array): void {
    for (const set of this.#pages.values()) for (const sub of [...set]) sub.push(chunk);
  }

  #remove(sub: Subscriber): void {
    const set = this.#pages.get(sub.key);
    if (!set?.delete(sub)) return;
    this.#size--;
    if (set.size === 0) this.#pages.delete(sub.key);
  }

  /** Reads and delivers pending events, one batch at a time, in order; never runs twice at once. */
  #drain(): void {
    if (this.#draining) return;
    this.#draining = (async () => {
      while (!this.#closed && (this.#catchUp || this.#pendingIds.length > 0)) {
        let events: LiveEvent[];
        let taken: number[] = [];
        try {
          if (this.#catchUp) {
            this.#catchUp = false;
            events = await this.#log.after(this.#cursor, BATCH);
            if (events.length === BATCH) this.#catchUp = true;
          } else {
            taken = this.#pendingIds.splice(0, BATCH);
            events = await this.#log.byIds(taken);
          }
          await this.#deliver(events);
        } catch (err) {
          // The database is away: keep what was asked for and try again shortly.
          if (this.#closed) return;
          this.#pendingIds.unshift(...taken);
          if (!this.#listener) this.#catchUp = true;
          console.error(`live events: reading failed (${(err as Error).message}); retrying`);
          await new Promise((r) => setTimeout(r, 1_000).unref());
        }
      }
    })().finally(() => {
      this.#draining = undefined;
      if (!this.#closed && (this.#catchUp || this.#pendingIds.length > 0)) this.#drain();
    });
  }

  async #deliver(events: LiveEvent[]): Promise<void> {
    const fresh = events.filter((e) => !this.#seen.has(e.id));
    for (const e of fresh) {
      this.#seen.add(e.id);
      if (e.id > this.#cursor) this.#cursor = e.id;
    }
    while (this.#seen.size > SEEN) this.#seen.delete(this.#seen.values().next().value as number);
    const wanted = fresh.filter((e) => this.#pages.has(pageId(e.siteId, e.pageKey)));
    if (wanted.length === 0) return;
    const comments = await this.#comments(wanted);
    for (const e of wanted) {
      const frame = publicFrame(e, comments.get(e.commentId));
      if (!frame) continue;
      const set = this.#pages.get(pageId(e.siteId, e.pageKey));
      if (set) for (const sub of [...set]) sub.push(frame);
    }
  }

  async #comments(events: LiveEvent[]): Promise<Map<string, CommentRecord>> {
    const ids = [...new Set(events.filter((e) => e.type !== 'comment.deleted').map((e) => e.commentId))];
    const rows = await this.#log.comments(ids);
    return new Map(rows.map((c) => [c.id, c]));
  }
}

function pageId(siteId: string, pageKey: string): string {
  return `${siteId}\n${pageKey}`;
}
