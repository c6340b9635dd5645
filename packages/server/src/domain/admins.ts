import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type AdminRecord, type AdminRole, type AdminStorage, adminStorageOf } from '../storage/admin-storage.js';
import type { Storage } from '../storage/types.js';
import { consoleLocale } from './admin-locale.js';
import {
  type ActiveSession,
  activeSession,
  DEFAULT_SESSION_TIMES,
  LOGIN_LIMITS,
  LOGIN_SUBJECTS,
  type SessionTimes,
} from './admin-sessions.js';
import { type AdminView, view } from './admin-view.js';
import { hashToken, newToken } from './identity.js';
import { INITIAL_OWNER_EMAIL } from './initial-owner.js';
import { checkPassword, dummyHash, generatePassword, hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { invalid, Problem } from './problem.js';
import { reserveRate } from './rate-limit.js';
import { cleanLine, isEmail } from './text.js';

/**
 * Accounts, passwords and sessions of administrators. The session rules (times, login limits, the
 * CSRF token) are in `admin-sessions.ts`, the public view of an account in `admin-view.ts`, the
 * first owner of a fresh install in `initial-owner.ts`.
 */
export class AdminService {
  readonly accounts: AdminStorage;
  readonly #storage: Storage;
  readonly #now: () => number;
  readonly #times: SessionTimes;

  constructor(storage: Storage, now: () => number = Date.now, times: SessionTimes = DEFAULT_SESSION_TIMES) {
    this.#storage = storage;
    this.accounts = adminStorageOf(storage);
    this.#now = now;
    this.#times = times;
  }

  /** Creates an account; the e-mail is the login name. Throws 422 naming each bad field, 409 if taken. */
  async add(input: { email: string; password: string; role?: AdminRole; sites?: string[]; name?: string }): Promise<AdminView> {
    const email = cleanLine(input.email).toLowerCase();
    const errors: { path: string; message: string }[] = [];
    if (!isEmail(email) && email !== INITIAL_OWNER_EMAIL)
      errors.push({ path: 'email', message: 'is not a valid e-mail address' });
    const passwordError = checkPassword(input.password);
    if (passwordError) errors.push({ path: 'password', message: passwordError });
    const role = input.role ?? 'owner';
    const sites = [...new Set(input.sites ?? [])];
    if (role === 'moderator' && sites.length === 0)
      errors.push({ path: 'sites', message: 'a moderator needs at least one site' });
    if (role === 'owner' && sites.length)
      errors.push({ path: 'sites', message: 'an owner has every site; give sites to moderators' });
    for (const site of sites) {
      if (!(await this.#storage.getSite(site))) errors.push({ path: 'sites', message: `no site "${site}"` });
    }
    if (errors.length) throw invalid(errors);
    if (await this.accounts.getAdminByEmail(email))
      throw new Problem(409, 'conflict', `An administrator ${email} exists already`);
    const record: AdminRecord = {
      id: randomBytes(9).toString('base64url'),
      email,
      name: cleanLine(input.name ?? '').slice(0, 80) || email.split('@')[0] || email,
      role,
      sites,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: false,
      createdAt: this.#now(),
    };
    await this.accounts.createAdmin(record);
    return view(record);
  }

  async list(): Promise<AdminView[]> {
    return (await this.accounts.listAdmins()).map(view);
  }

  /** Removes an account by e-mail; refuses to remove the last owner. */
  async remove(email: string): Promise<void> {
    const admin = await this.accounts.getAdminByEmail(email.trim().toLowerCase());
    if (!admin) throw new Problem(404, 'not-found', `No administrator ${email}`);
    if (admin.role === 'owner') {
      const owners = (await this.accounts.listAdmins()).filter((a) => a.role === 'owner');
      if (owners.length <= 1) throw new Problem(409, 'conflict', 'Cannot remove the last owner; add another owner first');
    }
    await this.accounts.removeAdmin(admin.id);
  }

  /**
   * On a fresh install (no administrator at all) creates the owner `admin@localhost` with a
   * random password and returns that password, to be printed once. The account must choose a
   * new password before it can do anything else. Returns undefined when administrators exist.
   */
  async ensureInitialOwner(): Promise<string | undefined> {
    if ((await this.accounts.countAdmins()) > 0) return undefined;
    const password = generatePassword();
    const record: AdminRecord = {
      id: randomBytes(9).toString('base64url'),
      email: INITIAL_OWNER_EMAIL,
      name: 'admin',
      role: 'owner',
      sites: [],
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      createdAt: this.#now(),
    };
    try {
      await this.accounts.createAdmin(record);
    } catch (err) {
      // Another instance starting at the same moment created it first: that one prints it.
      if (await this.accounts.getAdminByEmail(INITIAL_OWNER_EMAIL)) return undefined;
      throw err;
    }
    return password;
  }

  /**
   * Checks e-mail and password and opens a session. Failures are counted in the database, so
   * every instance sees them, per account and IP prefix, per account and per prefix
   * ({@link LOGIN_LIMITS}); past a limit even a right password is refused until the window has
   * passed. A client whose address is unknown counts as one prefix of its own. Each attempt
   * takes its slots as a failure before the password is checked and gives them back only if the
   * password was right, so that guesses sent at once cannot all be checked against a count that
   * none of them has raised yet.
   */
  async login(emailInput: string, password: string, prefix: string | null): Promise<{ token: string; session: ActiveSession }> {
    const now = this.#now();
    const email = cleanLine(emailInput).toLowerCase().slice(0, 320);
    const spanMs = LOGIN_LIMITS.windowMs;
    const windows = [
      // The prefix (a hash, no colon) before the address, which the client chooses: no address can
      // make its subject another account's.
      { subject: `account-from:${prefix ?? 'unknown'}:${email}`, limit: LOGIN_LIMITS.perAccountPrefix, spanMs },
      { subject: `account:${email}`, limit: LOGIN_LIMITS.perAccount, spanMs },
      ...(prefix ? [{ subject: `prefix:${prefix}`, limit: LOGIN_LIMITS.perPrefix, spanMs }] : []),
    ];
    const pending = await reserveRate(this.#storage, LOGIN_SUBJECTS, windows, now, 'Too many failed sign-ins; try again later');
    const admin = await this.accounts.getAdminByEmail(email);
    // An unknown account costs one scrypt too, so timing does not tell which addresses exist.
    const ok = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), admin?.passwordHash ?? (await dummyHash()));
    if (!admin || !ok) throw new Problem(401, 'invalid-credentials', 'Wrong e-mail address or password');
    await this.#storage.rateRelease(pending);
    await this.accounts.deleteExpiredSessions(now - this.#times.idleMs, now - this.#times.maxMs);
    const token = newToken();
    const idHash = hashToken(token);
    await this.accounts.createSession({ idHash, adminId: admin.id, createdAt: now, lastSeenAt: now });
    return { token, session: await activeSession(await this.#storage.secret(), this.#times, admin, idHash, now, now) };
  }

  /** The session a cookie token stands for, or undefined if unknown, ended or expired. */
  async resolve(token: string | undefined): Promise<ActiveSession | undefined> {
    if (!token || token.length > 100) return undefined;
    const idHash = hashToken(token);
    const session = await this.accounts.getSession(idHash);
    if (!session) return undefined;
    const now = this.#now();
    if (now - session.lastSeenAt >= this.#times.idleMs || now - session.createdAt >= this.#times.maxMs) {
      await this.accounts.deleteSession(idHash);
      return undefined;
    }
    const admin = await this.accounts.getAdmin(session.adminId);
    if (!admin) return undefined;
    // Written at most once a minute: every request of a busy console would otherwise write.
    let lastSeen = session.lastSeenAt;
    if (now - lastSeen >= 60_000) {
      await this.accounts.touchSession(idHash, now);
      lastSeen = now;
    }
    return activeSession(await this.#storage.secret(), this.#times, admin, idHash, session.createdAt, lastSeen);
  }

  async logout(session: ActiveSession): Promise<void> {
    await this.accounts.deleteSession(session.idHash);
  }

  /** Sets a new password after checking the current one; ends the account's other sessions. */
  async changePassword(session: ActiveSession, current: string, next: string): Promise<void> {
    if (!(await verifyPassword(current.slice(0, MAX_PASSWORD_LENGTH), session.admin.passwordHash))) {
      throw new Problem(401, 'invalid-credentials', 'The current password is wrong');
    }
    const error = checkPassword(next);
    if (error) throw invalid([{ path: 'newPassword', message: error }]);
    if (next === current) throw invalid([{ path: 'newPassword', message: 'must differ from the current password' }]);
    await this.accounts.setPassword(session.admin.id, await hashPassword(next), false);
    await this.accounts.deleteSessionsOf(session.admin.id, session.idHash);
  }

  /** Stores the language of the signed-in account's console (400 `invalid-locale` for a bad tag); moderator mails use it. */
  async setLocale(session: ActiveSession, tag: string): Promise<string> {
    const locale = consoleLocale(tag);
    await this.accounts.setLocale(session.admin.id, locale);
    return locale;
  }

  /** Constant-time check of a presented CSRF token against the session's. */
  csrfMatches(session: ActiveSession, presented: string | undefined): boolean {
    if (!presented) return false;
    const a = Buffer.from(session.csrfToken);
    const b = Buffer.from(presented);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
