import { ApiError, type NewComment, type Posted } from '../api.js';
import { load, save } from './storage.js';
import type { Thread } from './thread.js';

/*
 * Sending a post so that it is stored once, whatever happens to its answer (issue: a reader's
 * comment lost, doubled or misreported when the answer does not come).
 */

/** A new Idempotency-Key: 128 random bits (`crypto.randomUUID` needs a secure context). */
const newKey = () => `p${crypto.getRandomValues(new Uint32Array(4)).join('-')}`;

/** A form token from a new listing of the post's page (its first comment only). */
async function renewToken(host: Thread, input: NewComment): Promise<[string, number] | undefined> {
  const { formToken } = await host.client.list(input.site, input.page, { limit: 1 });
  const token: [string, number] | undefined = formToken ? [formToken, Date.now()] : undefined;
  if (host.siteId === input.site) host.formToken = token;
  return token;
}

/**
 * Sends a post with its `Idempotency-Key` (docs/api.md): the key made at the first try of this
 * post and kept beside its draft (`dk`), so a try again after an answer that never came, also
 * after a reload, gets the first answer (and edit token) back instead of storing the comment
 * twice; a post that changed (text, name…) gets a new key, which the server would otherwise refuse
 * (422 `idempotency-key-reused`: answered by one more try with a new key). A form token older
 * than 23 h (a tab open since yesterday; the server takes them for 24 h), or one the server
 * refused, is renewed from a listing and the post sent once more.
 */
export async function send(host: Thread, dk: string, input: NewComment, homepage?: string): Promise<Posted> {
  const r = JSON.stringify(input);
  const kept = load<{ k?: string; r?: string }>(`${dk}:key`, {});
  let k = kept.r === r && kept.k ? kept.k : newKey();
  let token = host.formToken;
  if (token && Date.now() - token[1] > 828e5) token = await renewToken(host, input);
  for (let again = false; ; again = true) {
    save(`${dk}:key`, { k, r });
    const [formToken, got = 0] = token ?? [];
    // The server refuses tokens younger than 2 s (scripts answer at once; people do not).
    await new Promise((ok) => setTimeout(ok, got + 2100 - Date.now()));
    try {
      return await host.client.post({ ...input, formToken, homepage }, k);
    } catch (err) {
      const code = err instanceof ApiError && !again && err.code;
      if (code === 'spam-suspected') token = await renewToken(host, input);
      else if (code === 'idempotency-key-reused') k = newKey();
      else throw err;
    }
  }
}
