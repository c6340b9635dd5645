import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { createGunzip } from 'node:zlib';
import { ImportLimitError, MAX_RECORD_CHARS, MalformedImportError } from '../../domain/import-records.js';

/** How far a reader has got through its input, for the progress bar. */
export interface ReadProgress {
  /** 0…1, or undefined when the size is not known. */
  fraction(): number | undefined;
}

/** What a reader may be made to read (the upload route sets them; `parley import` reads local files whole). */
export interface ReadLimits {
  /**
   * The most bytes the file may hold after inflating (as it is when not compressed): a small gzip
   * upload can inflate a thousandfold. Past it the read stops with {@link ImportLimitError}.
   */
  maxInflatedBytes?: number | undefined;
}

/** A file as a stream of decoded text chunks; gzip-compressed files are recognised and inflated. */
export interface TextFile extends ReadProgress {
  chunks: AsyncIterable<string>;
}

/** Throws a plain message (not a stack) when the file cannot be read. */
export function assertReadable(path: string): number {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    return stat.size;
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
}

function head(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a text file for streaming: never more than one chunk (64 KiB) of it in memory.
 * `encodingOf` picks the character encoding from the first bytes (after inflating); past
 * `limits.maxInflatedBytes` inflated bytes the stream stops with {@link ImportLimitError}.
 */
export function openText(
  path: string,
  encodingOf: (first: Uint8Array) => string = () => 'utf-8',
  limits: ReadLimits = {},
): TextFile {
  const size = assertReadable(path);
  const gzip = head(path, 2);
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const input: AsyncIterable<Buffer> = gzip[0] === 0x1f && gzip[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  async function* chunks(): AsyncIterable<string> {
    let decoder: TextDecoder | undefined;
    let inflated = 0;
    const max = limits.maxInflatedBytes ?? Number.POSITIVE_INFINITY;
    try {
      for await (const chunk of input) {
        inflated += chunk.length;
        if (inflated > max) {
          throw new ImportLimitError('file', 'inflated', `holds more than ${max} bytes once inflated`);
        }
        if (!decoder) {
          const label = encodingOf(chunk);
          try {
            decoder = new TextDecoder(label);
          } catch {
            throw new MalformedImportError('line 1', `unknown character encoding "${label}"`);
          }
        }
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
      }
    } catch (err) {
      if (err instanceof MalformedImportError) throw err;
      throw new MalformedImportError('file', `cannot be read: ${(err as Error).message}`);
    } finally {
      raw.destroy();
    }
    const rest = decoder?.decode() ?? '';
    if (rest) yield rest;
  }
  return { chunks: chunks(), fraction: () => (size ? Math.min(1, raw.bytesRead / size) : undefined) };
}

/** One line of a text file and its 1-based number. */
export interface Line {
  text: string;
  line: number;
}

/**
 * Splits a chunk stream into lines (LF or CRLF). A line longer than `maxChars` stops the read with
 * {@link ImportLimitError} as soon as that much of it has arrived, so it is never held whole.
 */
export async function* linesOf(chunks: AsyncIterable<string>, maxChars = MAX_RECORD_CHARS): AsyncIterable<Line> {
  // The unfinished line's pieces: joined once it ends, so a long line costs no repeated copying.
  let pending: string[] = [];
  let pendingChars = 0;
  let line = 0;
  const tooLong = () => new ImportLimitError(`line ${line + 1}`, 'record', `the line is longer than ${maxChars} characters`);
  const take = (piece: string): Line => {
    if (pendingChars + piece.length > maxChars) throw tooLong();
    const text = pending.length ? pending.join('') + piece : piece;
    pending = [];
    pendingChars = 0;
    return { text: text.endsWith('\r') ? text.slice(0, -1) : text, line: ++line };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      yield take(chunk.slice(start, end));
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.slice(start));
      pendingChars += chunk.length - start;
      if (pendingChars > maxChars) throw tooLong();
    }
  }
  if (pendingChars) yield take('');
}

/** Milliseconds since the epoch of an ISO 8601 date, or NaN. */
export function isoTime(value: string | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(value.trim());
}
