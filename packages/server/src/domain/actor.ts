import type { AdminRecord } from '../storage/admin-storage.js';

/**
 * Who performs a moderation action: a signed-in administrator, or `system` for actions that
 * carry their own proof (a signed one-click link in a notification e-mail). Owners and `system`
 * act on every site, moderators on their `sites` only.
 */
export interface Actor {
  id: string | null;
  email: string;
  name: string;
  role: 'owner' | 'moderator' | 'system';
  sites: string[];
}

/** The actor for a signed-in administrator. */
export function actorOf(admin: AdminRecord): Actor {
  return { id: admin.id, email: admin.email, name: admin.name, role: admin.role, sites: admin.sites };
}

/**
 * The actor of a moderation link mailed to a plain address of `PARLEY_MODERATOR_EMAILS` (one
 * without an administrator account): the operator listed it for every site, and the signed link
 * names no one, so the audit log can say only that it was the system.
 */
export const SYSTEM_ACTOR: Actor = { id: null, email: 'system', name: 'system', role: 'system', sites: [] };

/** Writes one audit entry (`ModerationService.audit`), for services that act outside the console. */
export type AuditWriter = (
  actor: Actor,
  action: string,
  siteId: string | null,
  target: string,
  detail: Record<string, unknown>,
) => Promise<void>;

/** True if the actor (or an account of that role and sites) may moderate the site. */
export function canModerate(actor: Pick<Actor, 'role' | 'sites'>, siteId: string): boolean {
  return actor.role !== 'moderator' || actor.sites.includes(siteId);
}

/** The sites an actor sees, for queries: undefined = every site. */
export function visibleSites(actor: Actor): string[] | undefined {
  return actor.role === 'moderator' ? actor.sites : undefined;
}
