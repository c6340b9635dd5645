import { randomBytes } from 'node:crypto';
import type { AdminModerationStorage, BanRecord } from '../storage/admin-moderation-storage.js';
import type { Storage } from '../storage/types.js';
import type { Caller } from './comment-types.js';
import { emailHash, prefixHash } from './identity.js';
import { type Actor, canModerate, type ModerationService, visibleSites } from './moderation.js';
import { invalid, Problem } from './problem.js';
import { cleanLine, isEmail } from './text.js';

export type BanKind = BanRecord['kind'];

export interface NewBan {
  site: string | null;
  kind: BanKind;
  /** An e-mail address (kind `email`), an `ipHash` (kind `ip`), a visitor hash (kind `visitor`). */
  value?: string | undefined;
  /** Or: ban the author of this comment (kinds `email` and `ip`). */
  commentId?: string | undefined;
  expiresAt?: number | null | undefined;
  reason?: string | undefined;
}

const HASH = /^[A-Za-z0-9_-]{16,64}$/;

/** Bans by e-mail, IP prefix or visitor, with expiry; checked before a comment is posted. */
export class BanService {
  readonly #storage: Storage;
  readonly #mod: AdminModerationStorage;
  readonly #moderation: ModerationService;
  readonly #now: () => number;

  constructor(moderation: ModerationService, now: () => number = Date.now) {
    this.#moderation = moderation;
    this.#storage = moderation.storage;
    this.#mod = moderation.mod;
    this.#now = now;
  }

  async list(actor: Actor, site?: string): Promise<BanRecord[]> {
    const visible = visibleSites(actor);
    const sites = site ? (visible && !visible.includes(site) ? [] : [site]) : visible;
    return this.#mod.listBans(sites, this.#now());
  }

  async add(actor: Actor, input: NewBan): Promise<BanRecord> {
    if (input.site === null && actor.role === 'moderator')
      throw new Problem(403, 'forbidden', 'Only owners may ban on every site');
    if (input.site !== null && (!canModerate(actor, input.site) || !(await this.#storage.getSite(input.site)))) {
      throw new Problem(404, 'site-not-found', `No site "${input.site}"`);
    }
    const secret = await this.#storage.secret();
    let hash: string | undefined;
    let label = '';
    if (input.commentId) {
      const c = await this.#moderation.comment(actor, input.commentId);
      if (input.kind === 'email') {
        if (!c.authorEmail) throw invalid([{ path: 'commentId', message: 'the comment has no e-mail address' }]);
        hash = emailHash(secret, c.authorEmail);
        label = maskEmail(c.authorEmail);
      } else if (input.kind === 'ip') {
        if (!c.ipHash) throw invalid([{ path: 'commentId', message: 'the comment has no IP prefix on record' }]);
        hash = c.ipHash;
        label = `ip ${hash.slice(0, 8)}…`;
      } else {
        throw invalid([{ path: 'commentId', message: 'a visitor ban takes the visitor hash as value' }]);
      }
    } else {
      const value = cleanLine(input.value ?? '');
      if (input.kind === 'email' && isEmail(value.toLowerCase())) {
        hash = emailHash(secret, value);
        label = maskEmail(value.toLowerCase());
      } else if (HASH.test(value)) {
        hash = value;
        label = `${input.kind} ${value.slice(0, 8)}…`;
      } else {
        throw invalid([
          {
            path: 'value',
            message:
              input.kind === 'email' ? 'must be an e-mail address or its hash' : 'must be a hash as the admin API shows it',
          },
        ]);
      }
    }
    const now = this.#now();
    if (input.expiresAt !== undefined && input.expiresAt !== null && input.expiresAt <= now) {
      throw invalid([{ path: 'expiresAt', message: 'must be in the future' }]);
    }
    const ban: BanRecord = {
      id: randomBytes(9).toString('base64url'),
      siteId: input.site,
      kind: input.kind,
      valueHash: hash,
      label,
      reason: cleanLine(input.reason ?? '').slice(0, 500),
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
      createdBy: actor.email,
    };
    await this.#mod.addBan(ban);
    await this.#moderation.audit(actor, 'ban.add', ban.siteId, ban.id, { kind: ban.kind, label, expiresAt: ban.expiresAt });
    return ban;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const ban = await this.#mod.getBan(id);
    const visible = ban && (ban.siteId === null ? actor.role !== 'moderator' : canModerate(actor, ban.siteId));
    if (!ban || !visible) throw new Problem(404, 'ban-not-found', `No ban "${id}"`);
    await this.#mod.removeBan(id);
    await this.#moderation.audit(actor, 'ban.remove', ban.siteId, id, { kind: ban.kind, label: ban.label });
  }

  /**
   * Refuses a post by a banned e-mail, IP prefix or visitor with a message that does not say a
   * ban exists (the same words whatever the kind).
   */
  async assertAllowed(siteId: string, email: string | undefined, caller: Caller): Promise<void> {
    const secret = await this.#storage.secret();
    const hashes = [prefixHash(secret, 'ip', caller.ip), prefixHash(secret, 'vote', caller.ip)].filter(
      (h): h is string => h !== null,
    );
    const address = cleanLine(email ?? '').toLowerCase();
    if (address) hashes.push(emailHash(secret, address));
    if (await this.#mod.findBan(siteId, hashes, this.#now())) {
      throw new Problem(403, 'not-allowed', 'This comment cannot be posted.');
    }
  }
}

/** `j…@example.com`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, Math.min(1, at))}…${email.slice(at)}`;
}
