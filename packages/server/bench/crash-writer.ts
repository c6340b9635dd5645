import { randomBytes } from 'node:crypto';
import { sleep } from './crash-server.js';

/** What the writer saw; the supervisor prints and checks it. */
export interface WriterStats {
  /** Client id (the Idempotency-Key) → comment id of every acknowledged (201) post. */
  acked: Map<string, string>;
  /** Answers by status, plus `network` for requests that got no answer (server killed). */
  statuses: Map<string, number>;
  /** Replayed first answers (`Idempotent-Replayed: true`): retries of posts that had been stored. */
  replayed: number;
  /** Send and receive times of every 2xx, to check none came while the database was down. */
  successes: { sentAt: number; receivedAt: number }[];
  /** Answers that must never happen (a 500, a 4xx, one key acknowledged as two comments). */
  errors: string[];
  /** Ids still unacknowledged when stop() gave up waiting (the server never came back). */
  abandoned: number;
}

/**
 * Posts comments with `concurrency` in flight. Every post has a client-generated id, sent as its
 * Idempotency-Key and written into its body; a post that got no answer or a 503 is sent again with
 * the same id until it is acknowledged, so each id ends as exactly one comment or none.
 */
export class Writer {
  readonly stats: WriterStats = { acked: new Map(), statuses: new Map(), replayed: 0, successes: [], errors: [], abandoned: 0 };
  readonly #run = randomBytes(4).toString('hex');
  #next = 0;
  #stopping = false;
  #abandon = false;
  #workers: Promise<void>[] = [];
  readonly #url: () => string;
  readonly #site: string;
  readonly #pages: number;

  constructor(url: () => string, site: string, pages = 16) {
    this.#url = url;
    this.#site = site;
    this.#pages = pages;
  }

  start(concurrency: number): void {
    this.#workers = Array.from({ length: concurrency }, () => this.#work());
  }

  /** Stops taking new ids and waits (at most `timeoutMs`) until every id taken is acknowledged. */
  async stop(timeoutMs = 60_000): Promise<void> {
    this.#stopping = true;
    const timer = setTimeout(() => {
      this.#abandon = true;
    }, timeoutMs);
    await Promise.all(this.#workers);
    clearTimeout(timer);
  }

  get acknowledged(): number {
    return this.stats.acked.size;
  }

  async #work(): Promise<void> {
    try {
      await this.#loop();
    } catch (err) {
      this.stats.errors.push(err instanceof Error ? err.message : String(err));
    }
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      const n = this.#next++;
      const key = `crash-${this.#run}-${n}`;
      const body = JSON.stringify({ site: this.#site, page: `/crash/${n % this.#pages}`, body: `crash test comment ${key}` });
      // Retry the same id until it is acknowledged: the answer may have been lost in a kill
      // after the comment was stored, and the retry must then return it rather than a second one.
      for (let attempt = 0; ; attempt++) {
        const status = await this.#post(key, body);
        if (status === 201) break;
        if (this.#abandon) {
          this.stats.abandoned++;
          return;
        }
        if (status !== 'network' && status !== 503) throw new Error(`post ${key} answered ${status}`);
        await sleep(Math.min(200, 20 * (attempt + 1)));
      }
    }
  }

  async #post(key: string, body: string): Promise<number | 'network'> {
    const sentAt = performance.now();
    let status: number | 'network';
    try {
      const res = await fetch(`${this.#url()}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      if (status === 201) {
        const { comment } = (await res.json()) as { comment: { id: string } };
        const receivedAt = performance.now();
        const known = this.stats.acked.get(key);
        if (known !== undefined && known !== comment.id) throw new Error(`key ${key} acknowledged as two comments`);
        this.stats.acked.set(key, comment.id);
        this.stats.successes.push({ sentAt, receivedAt });
        if (res.headers.get('idempotent-replayed') === 'true') this.stats.replayed++;
      } else {
        await res.arrayBuffer();
      }
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('key ')) throw err;
      status = 'network';
    }
    const label = String(status);
    this.stats.statuses.set(label, (this.stats.statuses.get(label) ?? 0) + 1);
    return status;
  }
}
