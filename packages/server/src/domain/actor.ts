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

/** True if the actor may moderate the site. */
export function canModerate(actor: Actor, siteId: string): boolean {
  return actor.role !== 'moderator' || actor.sites.includes(siteId);
}

/** The sites an actor sees, for queries: undefined = every site. */
export function visibleSites(actor: Actor): string[] | undefined {
  return actor.role === 'moderator' ? actor.sites : undefined;
}
