import { z } from 'zod';
import type { ActiveSession } from '../../domain/admin-sessions.js';
import { view } from '../../domain/admin-view.js';
import { prefixHash } from '../../domain/identity.js';
import { actorOf } from '../../domain/moderation.js';
import { clearSessionCookie, setSessionCookie } from './auth.js';
import type { AdminApp, AdminDeps } from './env.js';
import { bodyOf } from './validate.js';

const Login = z.object({ email: z.string().max(320), password: z.string().max(4096) });
const Me = z.object({ locale: z.string().max(100) });
const Password = z.object({ currentPassword: z.string().max(4096), newPassword: z.string().max(4096) });

function sessionBody(s: ActiveSession) {
  return { admin: view(s.admin), csrfToken: s.csrfToken, expiresAt: new Date(s.expiresAt).toISOString() };
}

/** Sign in, the current session, sign out, change password, the console's language. */
export function sessionRoutes(app: AdminApp, deps: AdminDeps): void {
  app.post('/login', async (c) => {
    const { email, password } = await bodyOf(c, Login);
    const prefix = prefixHash(await deps.storage.secret(), 'admin-login', deps.clientIp(c));
    const { token, session } = await deps.admins.login(email, password, prefix);
    setSessionCookie(c, deps, token);
    await deps.moderation.audit(actorOf(session.admin), 'admin.login', null, session.admin.id, {});
    return c.json(sessionBody(session), 200);
  });
  app.get('/session', (c) => c.json(sessionBody(c.get('session')), 200));
  app.post('/logout', async (c) => {
    await deps.admins.logout(c.get('session'));
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });
  // The console sends its language when the account has none and when one is picked in its menu;
  // moderator mails use it.
  app.patch('/me', async (c) => {
    const { locale } = await bodyOf(c, Me);
    const session = c.get('session');
    const stored = await deps.admins.setLocale(session, locale);
    return c.json({ admin: view({ ...session.admin, locale: stored }) }, 200);
  });
  app.post('/password', async (c) => {
    const { currentPassword, newPassword } = await bodyOf(c, Password);
    await deps.admins.changePassword(c.get('session'), currentPassword, newPassword);
    await deps.moderation.audit(c.get('actor'), 'admin.password', null, c.get('session').admin.id, {});
    return c.body(null, 204);
  });
}
