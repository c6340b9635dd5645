/**
 * The first owner of a fresh install (`AdminService.ensureInitialOwner` in `admins.ts` creates
 * it): its address and the notice that shows its one-time password.
 */

/** The first owner's address on a fresh install (see {@link AdminService.ensureInitialOwner}). */
export const INITIAL_OWNER_EMAIL = 'admin@localhost';

/** The notice `parley serve` and `pnpm start` print once on a fresh install. */
export function initialOwnerNotice(password: string, serverUrl: string): string {
  return [
    '',
    '  No administrator existed, so one was created:',
    `    e-mail    ${INITIAL_OWNER_EMAIL}`,
    `    password  ${password}`,
    `  Sign in at ${serverUrl}/admin and choose a new password: this one is shown only now and`,
    '  works only for that. Or add your own account: pnpm parley admin add you@example.com',
    '',
  ].join('\n');
}
