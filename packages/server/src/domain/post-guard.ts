import type { Storage } from '../storage/types.js';
import type { BanService } from './bans.js';
import type { Caller, NewCommentInput } from './comments.js';
import { Problem } from './problem.js';
import { settingsOf } from './sites.js';
import { cleanLine } from './text.js';

/**
 * Moderation rules checked before a public post reaches `CommentService.create`: bans, and
 * threads closed by age (`autoCloseDays`). Importers and the CLI do not pass through here.
 */
export class PostGuard {
  readonly #storage: Storage;
  readonly #bans: BanService;
  readonly #now: () => number;

  constructor(storage: Storage, bans: BanService, now: () => number = Date.now) {
    this.#storage = storage;
    this.#bans = bans;
    this.#now = now;
  }

  async check(input: NewCommentInput, caller: Caller): Promise<void> {
    const site = await this.#storage.getSite(input.site);
    // An unknown site is CommentService's to refuse, with its own answer.
    if (!site) return;
    await this.#bans.assertAllowed(site.id, input.author?.email, caller);
    const days = settingsOf(site).autoCloseDays;
    if (days > 0) {
      const page = await this.#storage.getPage(site.id, cleanLine(input.page));
      if (page && this.#now() - page.createdAt > days * 86_400_000) {
        throw new Problem(403, 'page-locked', 'This discussion is closed');
      }
    }
  }
}
