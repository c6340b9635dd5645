import type { ImportRecord } from '../../domain/import-records.js';
import { isoTime, openText, type ReadLimits, type ReadProgress } from './file.js';
import { child, childText, type XmlNode, xmlEncoding, xmlEvents } from './xml.js';

/**
 * Reads a Disqus XML export (https://help.disqus.com/en/articles/1717164-comments-export):
 * `<thread dsq:id>` elements (link, title, isClosed) and `<post dsq:id>` elements (message
 * as HTML in CDATA, createdAt, isDeleted, isSpam, author name and e-mail, `<thread dsq:id>`,
 * optional `<parent dsq:id>`). Streamed: one element at a time.
 */
export function readDisqus(path: string, limits?: ReadLimits): { records: AsyncIterable<ImportRecord> } & ReadProgress {
  const file = openText(path, xmlEncoding, limits);
  async function* records(): AsyncIterable<ImportRecord> {
    const events = xmlEvents(file.chunks, {
      capture: (p) => p.length === 2 && (p[1] === 'thread' || p[1] === 'post'),
    });
    for await (const event of events) {
      if (event.type !== 'element') continue;
      yield event.node.name === 'thread' ? thread(event.node) : post(event.node);
    }
  }
  return { records: records(), fraction: file.fraction };
}

function thread(node: XmlNode): ImportRecord {
  const ref = node.attrs['dsq:id'];
  const at = `<thread> at line ${node.line}`;
  const link = childText(node, 'link');
  if (!ref) return { kind: 'failure', sourceId: '?', reason: 'thread without dsq:id', at };
  if (!link) return { kind: 'failure', sourceId: ref, reason: 'thread without <link>', at };
  const createdAt = isoTime(childText(node, 'createdAt'));
  return {
    kind: 'page',
    ref,
    url: link,
    title: childText(node, 'title') ?? '',
    locked: childText(node, 'isClosed') === 'true',
    ...(Number.isFinite(createdAt) ? { createdAt } : {}),
    at,
  };
}

function post(node: XmlNode): ImportRecord {
  const sourceId = node.attrs['dsq:id'];
  const at = `<post> at line ${node.line}`;
  if (!sourceId) return { kind: 'failure', sourceId: '?', reason: 'post without dsq:id', at };
  const threadRef = child(node, 'thread')?.attrs['dsq:id'];
  if (!threadRef) return { kind: 'failure', sourceId, reason: 'post without <thread dsq:id>', at };
  const author = child(node, 'author');
  const deleted = childText(node, 'isDeleted') === 'true';
  const spam = childText(node, 'isSpam') === 'true';
  return {
    kind: 'comment',
    sourceId,
    pageRef: threadRef,
    parentSourceId: child(node, 'parent')?.attrs['dsq:id'] ?? null,
    authorName: (author && (childText(author, 'name') || childText(author, 'username'))) ?? '',
    authorEmail: (author && childText(author, 'email')) || null,
    authorWebsite: null,
    html: child(node, 'message')?.text ?? '',
    status: deleted ? 'deleted' : spam ? 'spam' : 'approved',
    createdAt: isoTime(childText(node, 'createdAt')),
    at,
  };
}
