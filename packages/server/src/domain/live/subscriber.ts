/** Where a subscriber's frames go: the HTTP layer's stream. */
export interface Sink {
  /** Writes one frame; false when the reader is too far behind to keep. */
  write(chunk: Uint8Array): boolean;
  end(): void;
}

/** Frames held for a subscriber whose stream is not attached yet; beyond this it is dropped. */
const MAX_QUEUED = 1_000;

/**
 * One reader of one page. Frames that arrive before the HTTP stream is attached wait in a queue
 * (the hub registers a reader before it reads the replay, so nothing falls between the two).
 */
export class Subscriber {
  readonly key: string;
  #sink: Sink | undefined;
  #queue: Uint8Array[] | undefined = [];
  #closed = false;
  readonly #onClose: (s: Subscriber) => void;

  constructor(key: string, onClose: (s: Subscriber) => void) {
    this.key = key;
    this.#onClose = onClose;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends a frame now, or queues it until {@link attach}. */
  push(chunk: Uint8Array): void {
    if (this.#closed) return;
    if (this.#sink) {
      if (!this.#sink.write(chunk)) this.close();
    } else if (this.#queue && this.#queue.length < MAX_QUEUED) this.#queue.push(chunk);
    else this.close();
  }

  /** Puts frames ahead of whatever was queued (the ready frame and the replay). */
  prepend(chunks: Uint8Array[]): void {
    this.#queue?.unshift(...chunks);
  }

  /** Connects the HTTP stream and flushes the queue into it. */
  attach(sink: Sink): void {
    if (this.#closed) {
      sink.end();
      return;
    }
    this.#sink = sink;
    const queued = this.#queue ?? [];
    this.#queue = undefined;
    for (const chunk of queued) this.push(chunk);
  }

  /** Ends the stream (once) and leaves the hub. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = undefined;
    try {
      this.#sink?.end();
    } catch {
      // Already closed by the client.
    }
    this.#onClose(this);
  }
}
