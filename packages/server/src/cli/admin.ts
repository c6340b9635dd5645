import { Problem } from '../domain/problem.js';
import type { AdminRole } from '../storage/admin-storage.js';
import { parse, UsageError } from './args.js';
import { print, problemText, withStorage } from './common.js';
import { readPassword } from './password-input.js';

export const ADMIN_HELP = `Usage: parley admin add <email> [--role owner|moderator] [--site ID…] [--name NAME]
       parley admin list
       parley admin remove <email>
       parley admin password <email>

add       Creates an administrator. The password (at least 12 characters) is asked for on a
          terminal, or read from the first line of standard input. An owner has every site;
          a moderator needs at least one --site and moderates only those.
list      Lists administrators, their role and sites.
remove    Removes an administrator and ends their sessions (never the last owner).
password  Sets a new password (read as for add) and ends the account's sessions.`;

/** `parley admin …`: accounts of the moderation console. */
export async function adminCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    role: { type: 'string' },
    site: { type: 'string', multiple: true },
    name: { type: 'string' },
  });
  if (values.help) return print(ADMIN_HELP);
  const [sub, email, ...extra] = positionals;
  if (sub === 'list') {
    if (email !== undefined) throw new UsageError('admin list takes no arguments; see parley admin --help');
    return withAdmins(async (admins) => {
      const list = await admins.list();
      if (!list.length) print('No administrators yet; add one with: parley admin add you@example.com');
      for (const a of list) {
        const sites = a.role === 'owner' ? 'all sites' : a.sites.join(',');
        print(`${a.email}\t${a.role}\t${sites}\t${a.name}${a.mustChangePassword ? '\t(one-time password not yet changed)' : ''}`);
      }
    });
  }
  if (sub !== 'add' && sub !== 'remove' && sub !== 'password') {
    throw new UsageError(`unknown admin command "${sub ?? ''}"; see parley admin --help`);
  }
  if (!email || extra.length) throw new UsageError(`admin ${sub} takes one e-mail address; see parley admin --help`);
  if (sub === 'remove') {
    return withAdmins(async (admins) => {
      await admins.remove(email);
      print(`Removed administrator ${email.toLowerCase()}`);
    });
  }
  if (sub === 'password') {
    const password = await readPassword('New password: ');
    return withAdmins(async (admins) => {
      const { checkPassword } = await import('../domain/passwords.js');
      const { hashPassword } = await import('../domain/passwords.js');
      const error = checkPassword(password);
      if (error) throw new UsageError(`password ${error}`);
      const admin = await admins.accounts.getAdminByEmail(email.trim().toLowerCase());
      if (!admin) throw new Error(`no administrator ${email}`);
      await admins.accounts.setPassword(admin.id, await hashPassword(password), false);
      await admins.accounts.deleteSessionsOf(admin.id);
      print(`New password set for ${admin.email}; their sessions were ended.`);
    });
  }
  const role = (values.role as string | undefined) ?? 'owner';
  if (role !== 'owner' && role !== 'moderator') throw new UsageError(`--role must be owner or moderator, not "${role}"`);
  const password = await readPassword();
  await withAdmins(async (admins) => {
    try {
      const admin = await admins.add({
        email,
        password,
        role: role as AdminRole,
        sites: (values.site as string[] | undefined) ?? [],
        name: values.name as string | undefined,
      });
      const where = admin.role === 'owner' ? 'every site' : `sites ${admin.sites.join(', ')}`;
      print(`Added ${admin.role} ${admin.email} (${where})`);
    } catch (err) {
      // A bad address, password or site is a mistake in the command line: exit 2.
      if (err instanceof Problem && err.status === 422) throw new UsageError(problemText(err));
      throw err;
    }
  });
}

async function withAdmins(work: (admins: import('../domain/admins.js').AdminService) => Promise<void>): Promise<void> {
  const { AdminService } = await import('../domain/admins.js');
  await withStorage((storage) => work(new AdminService(storage)));
}
