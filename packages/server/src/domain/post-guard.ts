import type { Storage } from '../storage/types.js';
import type { BanService } from './bans.js';
import type { Caller, NewCommentInput } from './comment-types.js';

/**
 * Bans, checked before a public post reaches `CommentService.create` (which closes threads by
 * age and lock itself, since its listing shows them closed too). Importers and the CLI do not
 * pass through here.
 */
export class PostGuard {
  readonly #storage: Storage;
  readonly #bans: BanService;

  constructor(storage: Storage, bans: BanService) {
    this.#storage = storage;
    this.#bans = bans;
  }

  async check(input: NewCommentInput, caller: Caller): Promise<void> {
    const site = await this.#storage.getSite(input.site);
    // An unknown site is CommentService's to refuse, with its own answer.
    if (!site) return;
    await this.#bans.assertAllowed(site.id, input.author?.email, caller);
  }
}
