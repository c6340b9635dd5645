import type { LiveEvent } from '../../storage/live-events.js';
import type { CommentRecord } from '../../storage/types.js';
import { present } from '../present.js';

const encoder = new TextEncoder();

/** A comment line that keeps proxies from closing an idle stream. */
export const KEEP_ALIVE = encoder.encode(':\n\n');

/** One server-sent event, encoded once and written to every reader of its page. */
export function sseFrame(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Tells the browser how long to wait before reconnecting (the `retry:` field). */
export function retryFrame(ms: number): Uint8Array {
  return encoder.encode(`retry: ${ms}\n\n`);
}

/**
 * What a public reader sees of an event, given the comment's current row: the public shape
 * (never an e-mail or IP), or nothing for events that concern held comments. The payload is the
 * comment as it is now, so replaying an event twice does no harm.
 */
export function publicFrame(event: LiveEvent, comment: CommentRecord | undefined): Uint8Array | undefined {
  switch (event.type) {
    case 'comment.deleted':
      return sseFrame(event.type, { id: event.commentId }, event.id);
    case 'comment.created':
    case 'comment.updated':
      if (comment?.status !== 'approved') return undefined;
      return sseFrame(event.type, { comment: present(comment) }, event.id);
    case 'votes.changed':
      if (comment?.status !== 'approved') return undefined;
      return sseFrame(
        event.type,
        { id: comment.id, up: comment.up, down: comment.down, score: comment.up - comment.down },
        event.id,
      );
    default:
      return undefined;
  }
}
