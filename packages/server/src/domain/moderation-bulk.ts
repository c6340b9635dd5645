import type { Actor } from './actor.js';
import type { BulkAction } from './moderation-types.js';
import { Problem } from './problem.js';

/** What one id of a bulk action came to: `code` is the problem code of a failure. */
export interface BulkResult {
  id: string;
  ok: boolean;
  code?: string;
}

/** The single actions a bulk action is made of (`ModerationService`). */
interface SingleActions {
  approve(actor: Actor, id: string, version?: string): Promise<unknown>;
  reject(actor: Actor, id: string, version?: string): Promise<unknown>;
  spam(actor: Actor, id: string, version?: string): Promise<unknown>;
  remove(actor: Actor, id: string): Promise<void>;
  pin(actor: Actor, id: string, pinned: boolean): Promise<unknown>;
}

/**
 * Applies `action` to each id in turn (`ModerationService.bulk`); a failing id is reported with
 * its problem code and does not stop the rest. `versions[id]`, when given, pins what approve,
 * reject and spam act on, as the single actions' `version` does.
 */
export async function applyBulk(
  service: SingleActions,
  actor: Actor,
  action: BulkAction,
  ids: string[],
  versions: Record<string, string>,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      if (action === 'delete') await service.remove(actor, id);
      else if (action === 'pin' || action === 'unpin') await service.pin(actor, id, action === 'pin');
      else await service[action](actor, id, Object.hasOwn(versions, id) ? versions[id] : undefined);
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      results.push({ id, ok: false, code: err.code });
    }
  }
  return results;
}
