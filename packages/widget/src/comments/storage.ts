/**
 * What the widget remembers in the reader's own browser (localStorage): their name and links,
 * drafts, edit tokens, votes and the chosen sort. Storage may be missing or full (private modes,
 * quotas); every access is guarded so the thread still works, only without memory.
 */
const PREFIX = 'parley:';

/**
 * Reads a JSON value, or `fallback` when absent, unreadable, of another type than `fallback`
 * (`null` where a map was kept: storage is the reader's, and other scripts of the page share
 * it), falsy, or storage is unavailable. Entries of a map are the caller's to check.
 */
export function load<T>(key: string, fallback: T): T {
  try {
    const value = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null');
    return typeof value === typeof fallback && value ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Stores a JSON value; `undefined` removes it. Failures are ignored (see above). */
export function save(key: string, value: unknown): void {
  try {
    if (value === undefined || value === '') localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the widget keeps working without memory.
  }
}

/** The commenter's own details, remembered for the next comment. */
export interface Identity {
  name?: string;
  email?: string;
  website?: string;
}

/** An edit token and when its comment was created (ms), to know the edit window. */
export interface Token {
  t: string;
  at: number;
}

/** Updates one entry of a stored map; `undefined` removes the entry. */
export function saveIn<T>(key: string, id: string, value: T | undefined): Record<string, T> {
  const map = load<Record<string, T>>(key, {});
  if (value === undefined) delete map[id];
  else map[id] = value;
  save(key, map);
  return map;
}

/** Drops tokens older than `maxAgeMs`, so the stored map does not grow forever. */
export function pruneTokens(maxAgeMs: number, now = Date.now()): Record<string, Token> {
  const map = load<Record<string, Token>>('tokens', {});
  // Not `> maxAgeMs`: an entry that is not an object (NaN) goes too.
  for (const [id, tok] of Object.entries(map)) if (!(now - tok?.at <= maxAgeMs)) delete map[id];
  save('tokens', map);
  return map;
}
