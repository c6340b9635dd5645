import type { SiteSettings } from '../storage/types.js';

/**
 * The one table of per-site settings. The admin API (`PATCH /api/admin/sites/{id}`), the CLI
 * (`parley site show|set`), `GET /api/admin/settings-spec` and the defaults of new sites all read
 * it, so a new setting is one field in `SiteSettings` plus one entry here — and the compiler
 * refuses a `SiteSettings` field without an entry.
 */
export type SettingSpec =
  | (SpecBase & { type: 'integer'; default: number; min: number; max: number })
  | (SpecBase & { type: 'boolean'; default: boolean })
  | (SpecBase & { type: 'enum'; default: string; values: readonly string[] })
  | (SpecBase & { type: 'words'; default: readonly string[]; maxItems: number; maxLength: number });

interface SpecBase {
  /** kebab-case name for the command line, e.g. `rate-limit-per-minute`. */
  cli: string;
  description: string;
}

type SpecFor<V> = [V] extends [number]
  ? Extract<SettingSpec, { type: 'integer' }>
  : [V] extends [boolean]
    ? Extract<SettingSpec, { type: 'boolean' }>
    : [V] extends [readonly string[]]
      ? Extract<SettingSpec, { type: 'words' }>
      : Extract<SettingSpec, { type: 'enum' }> & { default: V; values: readonly V[] };

/** Every setting by key. Keep entries in the order the console and `site show` list them. */
export const SETTINGS_SPEC: { [K in keyof SiteSettings]-?: SpecFor<SiteSettings[K]> } = {
  moderation: {
    cli: 'moderation',
    type: 'enum',
    values: ['none', 'links', 'first', 'all'],
    default: 'none',
    description: 'Which comments wait for a moderator: none, those with links, first comments, all',
  },
  requireName: { cli: 'require-name', type: 'boolean', default: false, description: 'A name is required to post' },
  requireEmail: { cli: 'require-email', type: 'boolean', default: false, description: 'An e-mail address is required to post' },
  maxDepth: {
    cli: 'max-depth',
    type: 'integer',
    min: 0,
    max: 100,
    default: 0,
    description: 'Deepest reply level; deeper replies join their parent (0 = unlimited)',
  },
  maxLength: {
    cli: 'max-length',
    type: 'integer',
    min: 1,
    max: 50_000,
    default: 10_000,
    description: 'Longest comment, in characters',
  },
  editWindowSeconds: {
    cli: 'edit-window-seconds',
    type: 'integer',
    min: 0,
    max: 7 * 24 * 3600,
    default: 15 * 60,
    description: 'Seconds after posting during which the author may edit or delete',
  },
  rateLimitPerMinute: {
    cli: 'rate-limit-per-minute',
    type: 'integer',
    min: 0,
    max: 10_000,
    default: 3,
    description: 'Comments per IP prefix (/24, /48) per minute (0 = no limit)',
  },
  rateLimitPerHour: {
    cli: 'rate-limit-per-hour',
    type: 'integer',
    min: 0,
    max: 100_000,
    default: 30,
    description: 'Comments per IP prefix per hour (0 = no limit)',
  },
  requireFormToken: {
    cli: 'require-form-token',
    type: 'boolean',
    default: true,
    description: 'Posts need a valid form token from a listing (2 s to 24 h old) and an empty honeypot',
  },
  linkLimit: {
    cli: 'link-limit',
    type: 'integer',
    min: 0,
    max: 1000,
    default: 3,
    description: 'Comments with more links than this are held (0 = no limit)',
  },
  refuseDuplicates: {
    cli: 'refuse-duplicates',
    type: 'boolean',
    default: true,
    description: 'Refuse the same text from the same commenter within a day',
  },
  blockedWords: {
    cli: 'blocked-words',
    type: 'words',
    default: [],
    maxItems: 1000,
    maxLength: 100,
    description: 'Whole words or phrases (case-insensitive) that hold or refuse a comment',
  },
  blockedWordsAction: {
    cli: 'blocked-words-action',
    type: 'enum',
    values: ['hold', 'refuse'],
    default: 'hold',
    description: 'What a blocked word does: hold the comment for moderation, or refuse it',
  },
  flagThreshold: {
    cli: 'flag-threshold',
    type: 'integer',
    min: 0,
    max: 1000,
    default: 3,
    description: 'Reader flags that send an approved comment back to the queue (0 = never)',
  },
  autoCloseDays: {
    cli: 'auto-close-days',
    type: 'integer',
    min: 0,
    max: 36_500,
    default: 0,
    description: 'Close a thread to new comments this many days after its first comment (0 = never)',
  },
};

/** The keys in table order. */
export const SETTING_KEYS = Object.keys(SETTINGS_SPEC) as (keyof SiteSettings)[];

/** The defaults of a new site, from the table. */
export function defaultSettings(): SiteSettings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS_SPEC[k].default])) as unknown as SiteSettings;
}

/** The spec as the admin API lists it. */
export function specList(): (SettingSpec & { key: string })[] {
  return SETTING_KEYS.map((key) => ({ key, ...SETTINGS_SPEC[key] }) as SettingSpec & { key: string });
}

/** Finds a setting by its key (`maxDepth`) or its command-line name (`max-depth`). */
export function findSetting(name: string): { key: keyof SiteSettings; spec: SettingSpec } | undefined {
  const key = SETTING_KEYS.find((k) => k === name || SETTINGS_SPEC[k].cli === name);
  return key ? { key, spec: SETTINGS_SPEC[key] } : undefined;
}

/** The result of checking one value: the value to store, or why it is refused. */
export type Checked = { ok: true; value: unknown } | { ok: false; message: string };

/** Checks a JSON value (from the admin API) against a setting's spec. */
export function checkValue(spec: SettingSpec, value: unknown): Checked {
  switch (spec.type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max
        ? { ok: true, value }
        : { ok: false, message: `must be an integer ${spec.min}-${spec.max}` };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'must be true or false' };
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `must be one of ${spec.values.join(', ')}` };
    case 'words': {
      const bad = {
        ok: false,
        message: `must be a list of at most ${spec.maxItems} words of 1-${spec.maxLength} characters`,
      } as const;
      if (!Array.isArray(value) || value.length > spec.maxItems) return bad;
      const words: string[] = [];
      for (const w of value) {
        if (typeof w !== 'string') return bad;
        const word = w.normalize('NFC').trim();
        if (!word || word.length > spec.maxLength) return bad;
        if (!words.includes(word)) words.push(word);
      }
      return { ok: true, value: words };
    }
  }
}

/** Parses a command-line value (`moderation=all`, `rate-limit-per-minute=0`, `blocked-words=a,b`). */
export function parseCliValue(spec: SettingSpec, raw: string): Checked {
  switch (spec.type) {
    case 'integer':
      return /^-?\d+$/.test(raw.trim()) ? checkValue(spec, Number(raw)) : checkValue(spec, Number.NaN);
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(v)) return { ok: true, value: true };
      if (['false', 'no', 'off', '0'].includes(v)) return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    }
    case 'enum':
      return checkValue(spec, raw.trim());
    case 'words':
      return checkValue(
        spec,
        raw
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean),
      );
  }
}

/** A value as `site show` prints it. */
export function formatValue(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
