/**
 * What the widget remembers in the reader's own browser (localStorage): their name and links,
 * drafts, edit tokens, votes and the chosen sort. Storage may be missing, blocked or full (private
 * modes, "block all site data", quotas): what could not be stored is kept in memory instead, so a
 * draft or an edit token still lasts while the page is open.
 */
const PREFIX = 'parley:';
/** Values (as JSON) that storage refused, by key: read before storage, dropped once it takes them. */
const memory = new Map<string, string>();

/**
 * Reads a JSON value, or `fallback` when absent, unreadable, of another type than `fallback`
 * (`null` where a map was kept: storage is the reader's, and other scripts of the page share
 * it), falsy, or storage is unavailable. Entries of a map are the caller's to check.
 */
export function load<T>(key: string, fallback: T): T {
  try {
    const value = JSON.parse(memory.get(key) ?? localStorage.getItem(PREFIX + key) ?? 'null');
    return typeof value === typeof fallback && value ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Stores a JSON value; `undefined` removes it. Storage refusing it keeps it in memory (see above). */
export function save(key: string, value: unknown): void {
  const json = value === undefined || value === '' ? undefined : JSON.stringify(value);
  memory.delete(key);
  try {
    if (json === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, json);
  } catch {
    if (json !== undefined) memory.set(key, json);
  }
}

/** The commenter's own details, remembered for the next comment. */
export interface Identity {
  name?: string;
  email?: string;
  website?: string;
}

/**
 * An edit token, when its comment was created (ms) and until when the server lets it edit (`u`,
 * ms, from the post's `editableUntil`; absent from tokens kept before servers sent it).
 */
export interface Token {
  t: string;
  at: number;
  u?: number;
}

/** The server's default edit window, for tokens without `u`; the server has the last word (403 after it). */
const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** Until when (ms) a token edits: NaN for an entry that is not a token. */
export const editableUntil = (tok: Token | undefined): number => tok?.u || (tok?.at ?? Number.NaN) + EDIT_WINDOW_MS;

/** Updates one entry of a stored map; `undefined` removes the entry. */
export function saveIn<T>(key: string, id: string, value: T | undefined): Record<string, T> {
  const map = load<Record<string, T>>(key, {});
  if (value === undefined) delete map[id];
  else map[id] = value;
  save(key, map);
  return map;
}

/** Drops the tokens that edit no more, so the stored map does not grow forever. */
export function pruneTokens(now = Date.now()): Record<string, Token> {
  const map = load<Record<string, Token>>('tokens', {});
  // Not `>`: an entry that is not a token (NaN) goes too.
  for (const [id, tok] of Object.entries(map)) if (!(now <= editableUntil(tok))) delete map[id];
  save('tokens', map);
  return map;
}
