import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { createGunzip } from 'node:zlib';
import { MalformedImportError } from '../../domain/import-records.js';

/** How far a reader has got through its input, for the progress bar. */
export interface ReadProgress {
  /** 0…1, or undefined when the size is not known. */
  fraction(): number | undefined;
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
 * `encodingOf` picks the character encoding from the first bytes (after inflating).
 */
export function openText(path: string, encodingOf: (first: Uint8Array) => string = () => 'utf-8'): TextFile {
  const size = assertReadable(path);
  const gzip = head(path, 2);
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const input: AsyncIterable<Buffer> = gzip[0] === 0x1f && gzip[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  async function* chunks(): AsyncIterable<string> {
    let decoder: TextDecoder | undefined;
    try {
      for await (const chunk of input) {
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

/** Splits a chunk stream into lines (LF or CRLF). */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncIterable<Line> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) yield { text: text.endsWith('\r') ? text.slice(0, -1) : text, line: ++line };
  }
  if (rest) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: ++line };
}

/** Milliseconds since the epoch of an ISO 8601 date, or NaN. */
export function isoTime(value: string | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(value.trim());
}
