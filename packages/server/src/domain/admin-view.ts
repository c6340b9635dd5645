/**
 * What the admin API shows of an administrator's account: everything but the password hash.
 */
import type { AdminRecord, AdminRole } from '../storage/admin-storage.js';

/** An administrator as the API shows it: never the password hash. */
export interface AdminView {
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  sites: string[];
  mustChangePassword: boolean;
  /** The console language last sent (`PATCH /api/admin/me`); null before the first. */
  locale: string | null;
}

/** The public view of an account. */
export function view(a: AdminRecord): AdminView {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    sites: a.sites,
    mustChangePassword: a.mustChangePassword,
    locale: a.locale ?? null,
  };
}
