import type { ImportCounts } from '../../domain/import.js';

/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  stream: ProgressStream;
  counts(): ImportCounts;
  /** 0…1 of the input read, when known. */
  fraction(): number | undefined;
  /** Milliseconds between updates: a redrawn bar on a terminal, a new line otherwise. */
  interval?: number;
  now?: () => number;
}

const number = new Intl.NumberFormat('en');

/**
 * Import progress on stderr: on a terminal one line redrawn in place (a bar, the counts and the
 * rate); otherwise (logs, CI) a plain line every few seconds, so output stays readable.
 */
export class ImportProgress {
  readonly #options: ProgressOptions;
  readonly #started: number;
  #timer: NodeJS.Timeout | undefined;
  #drawn = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#started = (options.now ?? Date.now)();
  }

  start(): void {
    const interval = this.#options.interval ?? (this.#options.stream.isTTY ? 200 : 5000);
    this.#timer = setInterval(() => this.tick(), interval);
    this.#timer.unref();
  }

  /** Stops updating and clears the bar. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#drawn && this.#options.stream.isTTY) this.#options.stream.write('\r\x1b[2K');
  }

  /** Draws (or prints) the current state once. */
  tick(): void {
    const c = this.#options.counts();
    const seconds = Math.max(0.001, ((this.#options.now ?? Date.now)() - this.#started) / 1000);
    const rate = `${number.format(Math.round(c.read / seconds))}/s`;
    const fraction = this.#options.fraction();
    const percent = fraction === undefined ? '' : `${Math.floor(fraction * 100)}%`;
    const counts = `${number.format(c.read)} read, ${number.format(c.imported)} imported, ${number.format(c.skipped)} skipped, ${number.format(c.failed)} failed`;
    const stream = this.#options.stream;
    if (stream.isTTY) {
      const width = 24;
      const filled = fraction === undefined ? 0 : Math.round(fraction * width);
      const bar = fraction === undefined ? '' : `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent} `;
      const line = `${bar}${counts} · ${rate}`;
      stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
      this.#drawn = true;
    } else {
      stream.write(`import: ${counts} (${rate}${percent ? `, ${percent} of the input` : ''})\n`);
    }
  }
}
