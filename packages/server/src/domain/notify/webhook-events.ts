import { randomUUID } from 'node:crypto';
import type { NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentRecord, OutboxEntry, Site } from '../../storage/types.js';
import { present } from '../present.js';

/** Events a webhook can ask for. */
export const WEBHOOK_EVENTS = [
  'comment.created',
  'comment.held',
  'comment.approved',
  'comment.rejected',
  'comment.updated',
  'comment.deleted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What the outbox stores for one webhook call: the exact body, so every retry signs the same bytes. */
export interface WebhookPayload {
  webhookId: string;
  event: WebhookEvent;
  body: string;
}

/**
 * Outbox entries for every active webhook of the site that wants `event`. The body is the public
 * view of the comment (`present`: never an e-mail, IP or token) with its page; a `comment.held`
 * body also says why it was held (`reason`: a `HeldReason` code, null if none was recorded).
 */
export async function webhookEntries(
  notify: NotifyStorage,
  site: Site,
  event: WebhookEvent,
  comment: CommentRecord,
  page: () => Promise<{ key: string; url: string; title: string }>,
  now: number,
): Promise<OutboxEntry[]> {
  const hooks = (await notify.listWebhooks(site.id)).filter((h) => h.active && h.events.includes(event));
  if (hooks.length === 0) return [];
  const { key, url, title } = await page();
  const body = JSON.stringify({
    id: randomUUID(),
    type: event,
    createdAt: new Date(now).toISOString(),
    site: site.id,
    page: { key, url, title },
    comment: present(comment),
    ...(event === 'comment.held' ? { reason: comment.heldReason ?? null } : {}),
  });
  return hooks.map((h) => ({
    siteId: site.id,
    kind: 'webhook',
    payload: { webhookId: h.id, event, body } satisfies WebhookPayload,
  }));
}
