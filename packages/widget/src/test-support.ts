// What the widget's component tests share: comment fixtures, a stand-in for the API behind
// `fetch`, and mounting a `<parley-comments>` until its thread has loaded. Named `test-*.ts` so
// that web-test-runner (`src/**/*.test.ts`) does not run it as a test file and tsconfig.build.json
// leaves it out of the published package.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import type { Comment } from './api.js';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';

/**
 * An approved top-level comment `id` whose text is `text`, written a minute ago by `N<id>`;
 * `extra` overrides any field.
 */
export const makeComment = (id: string, text: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  parentId: null,
  author: { name: `N${id}`, website: null, avatar: id },
  html: `<p>${text}</p>`,
  body: text,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  editedAt: null,
  status: 'approved',
  up: 0,
  down: 0,
  score: 0,
  replies: [],
  ...extra,
});

/** The time `min` minutes into the last hour, for fixtures whose order in time matters. */
export const minute = (min: number): string => new Date(Date.now() - (60 - min) * 60_000).toISOString();

/**
 * Three comments for the "top" sort, in time order: "liked" (score 2), "even" (0) and
 * "disliked" (-1), written at minutes 1, 2 and 3 of the last hour.
 */
export const scoredComments = (): Comment[] => [
  makeComment('c1', 'liked', { createdAt: minute(1), up: 2, score: 2 }),
  makeComment('c2', 'even', { createdAt: minute(2) }),
  makeComment('c3', 'disliked', { createdAt: minute(3), down: 1, score: -1 }),
];

/** A JSON response, as the API writes it. */
export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The API's listing of page `/a` with `comments` and no next page; `extra` adds or overrides
 * top-level fields (`nextCursor`, `mail`, `formToken`) and `count` the page's comment count.
 */
export function listing(comments: Comment[], extra: { count?: number } & Record<string, unknown> = {}): Response {
  const { count = comments.length, ...rest } = extra;
  return json({ page: { key: '/a', url: '', title: '', count, locked: false }, comments, nextCursor: null, ...rest });
}

/** What the stand-in API answers a request with. */
export type Respond = (url: URL, init: RequestInit) => Response | Promise<Response>;

/**
 * Puts `respond` in place of `window.fetch` before each test of the enclosing `describe` and the
 * browser's own back after it: the tests talk to no server.
 */
export function stubFetch(respond: Respond): void {
  const realFetch = window.fetch;
  beforeEach(() => {
    window.fetch = async (input, init = {}) => respond(new URL(String(input)), init);
  });
  afterEach(() => {
    window.fetch = realFetch;
  });
}

/**
 * The API the language tests need: 3 comments for every page counted, and a thread of one
 * comment ("Hi") for every listing.
 */
export const countsAndThread: Respond = (url) =>
  url.pathname === '/api/v1/counts'
    ? json({ counts: Object.fromEntries(url.searchParams.getAll('page').map((p) => [p, 3])) })
    : listing([makeComment('c1', 'Hi')]);

/**
 * `waitUntil` with room for loading code. A wait that spans a dynamic import (the locale chunk
 * the first element in a language fetches, compiles and runs) can take well over `waitUntil`'s
 * default second on a loaded CI machine. It polls as often as `waitUntil`, so a pass costs no
 * more; a condition never met still fails, with `message`, after 5 s.
 */
export const waitUntilLoaded = (predicate: () => unknown, message: string): Promise<void> =>
  waitUntil(predicate, message, { timeout: 5_000 });

/**
 * Mounts `<parley-comments>` for site `demo`, page `/a` (no lazy loading; no live stream unless
 * `live`), with `lang` if given and the reader's stored `sort` if given, and waits until its
 * thread has loaded and rendered.
 */
export async function mountComments(options: { lang?: string; sort?: string; live?: boolean } = {}): Promise<ParleyComments> {
  if (options.sort) localStorage.setItem('parley:sort:demo', JSON.stringify(options.sort));
  const el = await fixture<ParleyComments>(
    html`<parley-comments site="demo" page="/a" api="http://127.0.0.1:1" lang=${options.lang ?? nothing} no-lazy ?no-live=${!options.live}></parley-comments>`,
  );
  await waitUntilLoaded(() => el.phase === 'ready', 'loaded');
  await el.updateComplete;
  return el;
}

/** An element's shadow root (asserted present: every Parley element has one). */
export const shadow = (el: Element | null | undefined): ShadowRoot => el?.shadowRoot as ShadowRoot;

/**
 * The first element matching `sel` in the thread's shadow root, typed as present (a test that
 * expects it gets a TypeError where it is missing); null at run time when there is none.
 */
export const $ = <T extends Element = HTMLElement>(el: ParleyComments, sel: string): T => el.shadowRoot!.querySelector<T>(sel)!;

/** Types `text` into `field` as a reader would: the value, then the `input` event. */
export function type(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The texts of the thread's top-level comments, in the order shown. */
export const texts = (el: ParleyComments): (string | null)[] =>
  [...el.shadowRoot!.querySelectorAll('ol.thread > li > article .body')].map((b) => b.textContent);

/**
 * The element that has the focus, looked up through shadow roots: the control itself, never the
 * host whose shadow root holds it, nor `<body>` when it was lost.
 */
export function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A short name of an element for messages (`button#id.a.b`), or `nothing`. */
const nameOf = (el: Element | null): string =>
  el ? `${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}` : 'nothing';

/**
 * Asserts that `target` has the focus ({@link deepActive}), naming both elements when it does
 * not (chai's own message would print whole DOM trees).
 */
export function expectFocused(target: Element | null, message = 'focus'): void {
  const el = deepActive();
  expect(el === target, `${message}: on ${nameOf(el)}, expected ${nameOf(target)}`).to.equal(true);
}

/** A promise and the function that settles it: an answer the test sends when it is ready. */
export function later<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => {
    resolve = ok;
  });
  return { promise, resolve };
}

/** A stand-in for the browser's EventSource: records each stream the element opens; `send` delivers one event to it. */
export class FakeSource extends EventTarget {
  static all: FakeSource[] = [];
  readonly url: URL;
  /** 1 open, 2 closed (by `close()`, or by the browser when the server refused the stream). */
  readyState = 1;
  onerror: ((e: Event) => unknown) | null = null;
  constructor(url: string) {
    super();
    this.url = new URL(url);
    // As in the browser, the `onerror` handler hears `error` events.
    this.addEventListener('error', (e) => this.onerror?.(e));
    FakeSource.all.push(this);
  }
  close(): void {
    this.readyState = 2;
  }
  send(type: string, data: unknown, id = ''): void {
    this.sendRaw(type, JSON.stringify(data), id);
  }
  /** An event whose data is exactly `data`, JSON or not (for malformed streams). */
  sendRaw(type: string, data: string, id = ''): void {
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId: id }));
  }
}
