import pg from 'pg';
import type { ListenHandlers, LiveListener } from '../live-events.js';
import { LIVE_CHANNEL } from '../live-events-migration.js';

/**
 * One dedicated connection that LISTENs for new live events of one schema. It reconnects by
 * itself after losing the database (backing off up to `maxDelayMs`) and then reports
 * `onConnected`, so the hub reads whatever was committed meanwhile.
 */
export class PgListener implements LiveListener {
  readonly #url: string;
  readonly #schema: string;
  readonly #maxDelayMs: number;
  #client: pg.Client | undefined;
  #handlers: ListenHandlers | undefined;
  #closed = false;
  #delay = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(url: string, schema: string, maxDelayMs = 5_000) {
    this.#url = url;
    this.#schema = schema;
    this.#maxDelayMs = maxDelayMs;
  }

  start(handlers: ListenHandlers): void {
    this.#handlers = handlers;
    void this.#connect();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    if (this.#closed || !this.#handlers) return;
    const handlers = this.#handlers;
    // keepAlive lets the kernel notice a peer that vanished without closing the connection.
    const client = new pg.Client({ connectionString: this.#url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    let lost = false;
    const onLost = (err: Error) => {
      if (lost) return;
      lost = true;
      if (this.#client === client) this.#client = undefined;
      client.end().catch(() => {});
      if (this.#closed) return;
      handlers.onDisconnected(err);
      this.#retry();
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('connection ended')));
    client.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      const space = msg.payload.indexOf(' ');
      if (msg.payload.slice(0, space) !== this.#schema) return;
      const id = Number(msg.payload.slice(space + 1));
      if (Number.isSafeInteger(id)) handlers.onIds([id]);
    });
    try {
      await client.connect();
      await client.query(`listen ${LIVE_CHANNEL}`);
    } catch (err) {
      onLost(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#delay = 0;
    handlers.onConnected();
  }

  #retry(): void {
    this.#delay = Math.min(this.#maxDelayMs, this.#delay ? this.#delay * 2 : 100);
    this.#timer = setTimeout(() => void this.#connect(), this.#delay);
    this.#timer.unref();
  }
}
