import { SaxesParser } from 'saxes';
import { ImportLimitError, MAX_RECORD_CHARS, MalformedImportError } from '../../domain/import-records.js';

/** An element captured whole: its attributes, its own text (CDATA included) and its children. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** Line of the opening tag. */
  line: number;
}

export type XmlEvent = { type: 'open'; name: string; path: string[] } | { type: 'element'; node: XmlNode; path: string[] };

export interface XmlStreamOptions {
  /** Capture an element (and everything inside it) at this path, e.g. `disqus/post`. */
  capture(path: string[]): boolean;
  /** Report the opening of an element at this path (without capturing it). */
  watch?(path: string[]): boolean;
  /** The longest captured element, and the longest run of text between two tags, in characters; {@link MAX_RECORD_CHARS} unless set. */
  maxChars?: number;
}

/** The first child with this name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** The trimmed text of the first child with this name, or undefined. */
export function childText(node: XmlNode, name: string): string | undefined {
  return child(node, name)?.text.trim();
}

/**
 * The character encoding of an XML file from its byte-order mark or its declaration
 * (https://www.w3.org/TR/xml/#sec-guessing); UTF-8 when neither says.
 */
export function xmlEncoding(first: Uint8Array): string {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return 'utf-8';
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  const declaration = Buffer.from(first.subarray(0, 200)).toString('latin1');
  return /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration)?.[1] ?? 'utf-8';
}

/**
 * Streams an XML document through saxes and yields captured elements as they close. Only the
 * captured elements are held in memory (one Disqus post, one WordPress comment), never the file.
 * A document that is not well-formed throws {@link MalformedImportError} naming the line,
 * column and the element being read; a captured element longer than `maxChars`, or text (or a
 * comment, CDATA section…) that long anywhere, which saxes would buffer whole before reporting
 * it, throws {@link ImportLimitError} as soon as that much has been read.
 */
export async function* xmlEvents(chunks: AsyncIterable<string>, options: XmlStreamOptions): AsyncIterable<XmlEvent> {
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  // The line each open element started on, so an error can name where the broken one began.
  const lines: number[] = [];
  const open: XmlNode[] = [];
  let captureDepth = -1;
  let events: XmlEvent[] = [];
  const maxChars = options.maxChars ?? MAX_RECORD_CHARS;
  // Where the captured element began, and where saxes last handed something over (in characters).
  let captureStart = 0;
  let lastEvent = 0;
  const mark = () => {
    lastEvent = parser.position;
  };
  parser.on('opentag', (tag) => {
    mark();
    path.push(tag.name);
    lines.push(parser.line);
    if (captureDepth === -1 && options.capture(path)) {
      captureDepth = path.length;
      captureStart = parser.position;
    }
    if (captureDepth !== -1) {
      const node: XmlNode = {
        name: tag.name,
        attrs: { ...(tag.attributes as Record<string, string>) },
        text: '',
        children: [],
        line: parser.line,
      };
      open[open.length - 1]?.children.push(node);
      open.push(node);
    } else if (options.watch?.(path)) {
      events.push({ type: 'open', name: tag.name, path: [...path] });
    }
  });
  const onText = (text: string) => {
    mark();
    const node = open[open.length - 1];
    if (node) node.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', mark);
  parser.on('processinginstruction', mark);
  parser.on('doctype', mark);
  parser.on('closetag', () => {
    mark();
    if (captureDepth !== -1) {
      const node = open.pop();
      if (path.length === captureDepth && node) {
        events.push({ type: 'element', node, path: [...path] });
        captureDepth = -1;
      }
    }
    path.pop();
    lines.pop();
  });
  const fail = (err: unknown): never => {
    const where = path.length ? ` in <${path[path.length - 1]}> opened at line ${lines[lines.length - 1]}` : '';
    const message = (err as Error).message.replace(/^(undefined:)?\d+:\d+: /, '');
    throw new MalformedImportError(`line ${parser.line}, column ${parser.column + 1}${where}`, message);
  };
  const tooLong = (what: string): never => {
    const where = path.length ? ` in <${path[path.length - 1]}> opened at line ${lines[lines.length - 1]}` : '';
    throw new ImportLimitError(`line ${parser.line}${where}`, 'record', `${what} longer than ${maxChars} characters`);
  };
  for await (const chunk of chunks) {
    try {
      parser.write(chunk);
    } catch (err) {
      fail(err);
    }
    if (captureDepth !== -1 && parser.position - captureStart > maxChars) tooLong('an element');
    if (parser.position - lastEvent > maxChars) tooLong('text or markup without a tag');
    yield* events;
    events = [];
  }
  try {
    parser.close();
  } catch (err) {
    fail(err);
  }
  yield* events;
}
