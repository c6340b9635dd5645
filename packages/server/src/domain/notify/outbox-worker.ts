import { randomBytes } from 'node:crypto';
import type { NotifyStorage, OutboxItem } from '../../storage/notify-storage.js';
import type { MailMessage } from './mail-message.js';
import { isPermanentMailError, type Mailer } from './mailer.js';

/**
 * What one attempt at an outbox item came to: delivered, failed (retried unless permanent), or
 * no longer wanted (`dropped`, e.g. its webhook was deleted): nothing was sent and nothing will be.
 */
export type Outcome =
  | { ok: true }
  | { ok: false; permanent: boolean; error: string }
  | { ok: false; dropped: true; reason: string };

/** Delivers one outbox item of a kind; the worker owns retries and bookkeeping. */
export type Deliverer = (item: OutboxItem) => Promise<Outcome>;

export interface OutboxWorkerOptions {
  storage: NotifyStorage;
  mailer?: Mailer | undefined;
  /** Webhook calls; without it webhook items wait. */
  webhooks?: Deliverer | undefined;
  /** Called once per run before the queue is read (moderator digests). */
  beforeRun?: (() => Promise<void>) | undefined;
  now?: () => number;
  /** How long a taken item is reserved for this worker; after it another may take it. */
  leaseMs?: number;
  batch?: number;
  /** First retry delay; it doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before an item is given up (`failed`). */
  maxAttempts?: number;
}

/** Backoff before attempt `attempts + 1`: base · 2^(attempts-1), capped, with up to 10% jitter so instances spread out. */
export function retryDelay(attempts: number, base: number, max: number): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (1 + Math.random() * 0.1));
}

/**
 * Sends what the outbox holds. Each run takes a batch under a lease (see `NotifyStorage.claim`),
 * delivers it, and records the result only while it still holds the lease: a mail is marked sent
 * right after the SMTP server accepted it, and retried with exponential backoff after a failure.
 * Two workers never hold the same row; a worker that dies mid-batch leaves rows that come back
 * when their lease expires (then at most that one in-flight mail can be sent twice, with the same
 * Message-ID).
 */
export class OutboxWorker {
  readonly owner = randomBytes(8).toString('hex');
  readonly #o: Required<Omit<OutboxWorkerOptions, 'mailer' | 'webhooks' | 'beforeRun'>> & OutboxWorkerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #stopped = false;

  constructor(options: OutboxWorkerOptions) {
    this.#o = {
      now: Date.now,
      leaseMs: 120_000,
      batch: 20,
      baseDelayMs: 30_000,
      maxDelayMs: 6 * 3_600_000,
      maxAttempts: 12,
      ...options,
    };
  }

  /** Processes one batch; resolves to the number of items attempted. Runs never overlap. */
  runOnce(): Promise<number> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Runs every `intervalMs` until {@link stop}; errors (a database outage) are logged and the loop goes on. */
  start(intervalMs: number): void {
    const tick = async () => {
      try {
        // A full batch means more may be waiting: go again at once.
        while (!this.#stopped && (await this.runOnce()) >= this.#o.batch) {}
      } catch (err) {
        console.error('outbox worker:', err);
      }
      if (!this.#stopped) this.#timer = setTimeout(tick, intervalMs);
    };
    this.#timer = setTimeout(tick, 0);
  }

  /** Stops the loop and waits for a run in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  async #run(): Promise<number> {
    const o = this.#o;
    await o.beforeRun?.();
    const items = await o.storage.claim(this.owner, o.now(), o.leaseMs, o.batch);
    for (const item of items) {
      const outcome = await this.#deliver(item);
      const now = o.now();
      const attempts = item.attempts + 1;
      if (outcome.ok) {
        await o.storage.settle(item.id, this.owner, { status: 'sent' }, now);
      } else if ('dropped' in outcome) {
        await o.storage.settle(item.id, this.owner, { status: 'dropped', error: outcome.reason }, now);
      } else if (outcome.permanent || attempts >= o.maxAttempts) {
        await o.storage.settle(item.id, this.owner, { status: 'failed', error: outcome.error }, now);
      } else {
        const nextAt = now + retryDelay(attempts, o.baseDelayMs, o.maxDelayMs);
        await o.storage.settle(item.id, this.owner, { status: 'pending', nextAt, error: outcome.error }, now);
      }
    }
    return items.length;
  }

  async #deliver(item: OutboxItem): Promise<Outcome> {
    try {
      if (item.kind === 'mail') {
        if (!this.#o.mailer) return { ok: false, permanent: false, error: 'no mailer configured' };
        await this.#o.mailer.send(item.payload as MailMessage);
        return { ok: true };
      }
      if (!this.#o.webhooks) return { ok: false, permanent: false, error: 'no webhook sender' };
      return await this.#o.webhooks(item);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, permanent: isPermanentMailError(err), error: message.slice(0, 500) };
    }
  }
}
