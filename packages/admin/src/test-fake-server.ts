import type { AdminComment } from './api-types.js';

/** A request the fake server saw. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

type Handler = (call: Call) => { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

/**
 * Replaces `fetch` with a fake admin API: `routes` maps `"METHOD /path"` (path after
 * `/api/admin`) to a handler; anything else is a 404 problem. Records every call.
 */
export function fakeServer(routes: Record<string, Handler>): { calls: Call[]; restore(): void } {
  const original = window.fetch;
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api\/admin/, ''),
      query: url.searchParams,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: new Headers(init?.headers),
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    const answer = handler?.(call) ?? { status: 404, body: { code: 'not-found', detail: 'No such resource' } };
    const status = answer.status ?? 200;
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(answer.body ?? {}), {
      status,
      headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...answer.headers },
    });
  };
  return { calls, restore: () => (window.fetch = original) };
}

let seq = 0;

/** A held comment with sensible defaults. */
export function comment(over: Partial<AdminComment> = {}): AdminComment {
  seq += 1;
  return {
    id: `c${seq}`,
    site: 'demo',
    parentId: null,
    page: { key: '/posts/hello', url: 'https://news.test/posts/hello', title: 'Hello world', locked: false },
    author: { name: `Reader ${seq}`, website: null, hasEmail: false, emailHash: null, ipHash: null },
    body: `Comment number ${seq}`,
    html: `<p>Comment number ${seq}</p>`,
    status: 'pending',
    heldReason: 'moderation-all',
    flags: 0,
    pinned: false,
    moderator: false,
    createdAt: new Date(Date.UTC(2026, 10, 25, 12, seq)).toISOString(),
    ...over,
  };
}

/** Waits until `check` holds (at most about two seconds). */
export async function until(check: () => unknown, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Presses `key` as a user would on the focused element (or the window). */
export function press(key: string, init: KeyboardEventInit = {}): void {
  let target: Element | null = document.activeElement;
  while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
  (target ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
}
