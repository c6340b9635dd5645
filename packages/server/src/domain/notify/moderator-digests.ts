/**
 * Moderator digests: in the `digest` mode, one mail per site and period listing the comments that
 * went to the queue since the last one. The outbox worker runs it through
 * `NotifyService.queueDigests` (`notifier.ts`).
 */
import type { NotifyStorage } from '../../storage/notify-storage.js';
import type { CommentRecord, Storage } from '../../storage/types.js';
import type { MailPlanner } from './mail-planner.js';
import type { NotifyConfig } from './notify-config.js';

/**
 * Queues digests of held comments for sites whose digest is due (the outbox worker calls this
 * each run): every comment that went to the queue since the last digest, posted held or held
 * again after an edit (`NotifyStorage.pendingSince`).
 */
export async function queueDigests(
  storage: Storage,
  notify: NotifyStorage,
  config: NotifyConfig,
  planner: MailPlanner,
  clock: () => number,
): Promise<void> {
  if (!config.mail || config.moderatorMail !== 'digest' || config.moderators.length === 0) return;
  const now = clock();
  for (const site of await storage.listSites()) {
    const mark = await notify.digestMark(site.id);
    if (mark !== undefined && now - mark < config.digestMinutes * 60_000) continue;
    const rows = await notify.pendingSince(site.id, mark ?? 0, 100);
    const held = rows.map((r) => ({
      record: { id: r.id, authorName: r.author_name, body: r.body } as CommentRecord,
      page: { key: r.key, url: r.url, title: r.title },
    }));
    const mails = held.length ? await planner.moderatorMails(site, held) : [];
    await notify.advanceDigest(site.id, mark, now, mails);
  }
}
