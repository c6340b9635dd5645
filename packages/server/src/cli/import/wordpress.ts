import type { ImportRecord } from '../../domain/import-records.js';
import type { CommentStatus } from '../../storage/types.js';
import { openText, type ReadLimits, type ReadProgress } from './file.js';
import { childText, type XmlNode, xmlEncoding, xmlEvents } from './xml.js';

const STATUS: Record<string, CommentStatus> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'deleted' };

/**
 * Reads a WordPress export (WXR, https://wordpress.org/documentation/article/tools-export-screen/):
 * each `<item>` is a post (title, link, `wp:post_id`, `wp:comment_status`) holding
 * `<wp:comment>` elements (id, parent, author, e-mail, URL, GMT date, content as HTML,
 * approved `1`/`0`/`spam`/`trash`, type). Pingbacks and trackbacks are skipped.
 */
export function readWordPress(path: string, limits?: ReadLimits): { records: AsyncIterable<ImportRecord> } & ReadProgress {
  const file = openText(path, xmlEncoding, limits);
  async function* records(): AsyncIterable<ImportRecord> {
    let post: Record<string, string> = {};
    let pageSent = false;
    let itemLine = 0;
    const events = xmlEvents(file.chunks, {
      capture: (p) => p.length === 4 && p[2] === 'item',
      watch: (p) => p.length === 3 && p[2] === 'item',
    });
    for await (const event of events) {
      if (event.type === 'open') {
        post = {};
        pageSent = false;
        itemLine = 0;
        continue;
      }
      const node = event.node;
      if (node.name !== 'wp:comment') {
        post[node.name] = node.text.trim();
        itemLine ||= node.line;
        continue;
      }
      const postId = post['wp:post_id'];
      if (!pageSent && postId && post.link) {
        pageSent = true;
        yield {
          kind: 'page',
          ref: postId,
          url: post.link,
          title: post.title ?? '',
          locked: post['wp:comment_status'] === 'closed',
          at: `<item> near line ${itemLine}`,
        };
      }
      yield comment(node, postId);
    }
  }
  return { records: records(), fraction: file.fraction };
}

function comment(node: XmlNode, postId: string | undefined): ImportRecord {
  const sourceId = childText(node, 'wp:comment_id');
  const at = `<wp:comment> at line ${node.line}`;
  if (!sourceId) return { kind: 'failure', sourceId: '?', reason: 'comment without wp:comment_id', at };
  if (!postId) return { kind: 'failure', sourceId, reason: 'comment outside an item with wp:post_id and link', at };
  const type = childText(node, 'wp:comment_type') ?? '';
  if (type === 'pingback' || type === 'trackback') return { kind: 'skip', sourceId, reason: `${type}s are not comments`, at };
  const approved = childText(node, 'wp:comment_approved') ?? '1';
  const parent = childText(node, 'wp:comment_parent');
  return {
    kind: 'comment',
    sourceId,
    pageRef: postId,
    parentSourceId: parent && parent !== '0' ? parent : null,
    authorName: childText(node, 'wp:comment_author') ?? '',
    authorEmail: childText(node, 'wp:comment_author_email') || null,
    authorWebsite: childText(node, 'wp:comment_author_url') || null,
    html: node.children.find((c) => c.name === 'wp:comment_content')?.text ?? '',
    status: STATUS[approved] ?? 'pending',
    createdAt: gmtTime(childText(node, 'wp:comment_date_gmt')) || gmtTime(childText(node, 'wp:comment_date')),
    at,
  };
}

/** `2020-01-31 10:00:00` in UTC; `0000-00-00 00:00:00` (unset) and garbage give NaN. */
function gmtTime(value: string | undefined): number {
  if (!value || value.startsWith('0000')) return Number.NaN;
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}
