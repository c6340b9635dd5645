/**
 * Serialised listings (UTF-8 bytes, ready to send), least recently used first out, bounded by
 * entries and by bytes so a
 * busy server's memory stays flat. Keys carry the page's version, which the database raises on
 * every change to the page's comments: a stale entry is never found, only aged out.
 */
export class ListCache {
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Uint8Array>();
  #bytes = 0;

  constructor(maxEntries = 500, maxBytes = 16_000_000) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get(key: string): Uint8Array | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark it most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, body: Uint8Array): void {
    if (this.#maxEntries <= 0 || body.length > this.#maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old !== undefined) this.#bytes -= old.length;
    this.#entries.delete(key);
    this.#entries.set(key, body);
    this.#bytes += body.length;
    for (const [k, v] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.length;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Runs at most `max` tasks at a time, the others in arrival order as slots free up. */
export class Limiter {
  readonly #max: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(max: number) {
    this.#max = max;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // Hand the slot straight to the next task, or give it back.
      if (next) next();
      else this.#running--;
    }
  }
}
