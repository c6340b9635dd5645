import { randomBytes } from 'node:crypto';

/**
 * Comment ids like `newCommentId()` (72 random bits, base64url), drawn from a pooled buffer:
 * an import writes hundreds of thousands of them, and one `randomBytes` call per id shows up.
 */
export class ImportIdPool {
  #pool = Buffer.alloc(0);
  #offset = 0;

  /** The next fresh id. */
  next(): string {
    if (this.#offset + 9 > this.#pool.length) {
      this.#pool = randomBytes(9 * 1024);
      this.#offset = 0;
    }
    this.#offset += 9;
    return this.#pool.subarray(this.#offset - 9, this.#offset).toString('base64url');
  }
}
