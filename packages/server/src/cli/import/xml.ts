import { SaxesParser } from 'saxes';
import { MalformedImportError } from '../../domain/import-records.js';

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
 * column and the element being read.
 */
export async function* xmlEvents(chunks: AsyncIterable<string>, options: XmlStreamOptions): AsyncIterable<XmlEvent> {
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  // The line each open element started on, so an error can name where the broken one began.
  const lines: number[] = [];
  const open: XmlNode[] = [];
  let captureDepth = -1;
  let events: XmlEvent[] = [];
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    lines.push(parser.line);
    if (captureDepth === -1 && options.capture(path)) captureDepth = path.length;
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
    const node = open[open.length - 1];
    if (node) node.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
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
  for await (const chunk of chunks) {
    try {
      parser.write(chunk);
    } catch (err) {
      fail(err);
    }
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
