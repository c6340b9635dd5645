import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { recordProblems } from './support.js';

/** What a page opened by {@link trappedPage} has on `window`, for `page.evaluate` to read. */
export interface XssTraps {
  /** Calls made to `alert`, `confirm`, `prompt` and `print`, each as `name(args)`. */
  __fired: string[];
  /** An element's attributes that could run code: `on*` handlers and script-capable URLs. */
  __unsafeAttributes(el: Element): string[];
}

/**
 * The XSS corpus (e2e/fixtures/xss, from PayloadsAllTheThings), one vector a line, plus `extra`,
 * without blank lines and duplicates. `skip` leaves files out by name.
 */
export function xssVectors(options: { skip?: (file: string) => boolean; extra?: readonly string[] } = {}): string[] {
  const dir = new URL('./fixtures/xss/', import.meta.url);
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !options.skip?.(f))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'));
  return [...new Set([...corpus, ...(options.extra ?? [])].map((v) => v.replace(/\r$/, '')).filter((v) => v.trim()))];
}

/**
 * A new context and page in which nothing a payload does goes unseen: `alert`, `confirm`,
 * `prompt` and `print` only record their calls, page errors and dialogs go to `problems`, and
 * `window.__unsafeAttributes` (see {@link XssTraps}) checks an element, the same check for the
 * widget's and the console's XSS tests. Close `context` at the end.
 */
export async function trappedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext();
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await context.addInitScript(() => {
    const w = window as unknown as XssTraps;
    w.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        w.__fired.push(`${name}(${args.map(String).join(',')})`);
      };
    }
    w.__unsafeAttributes = (el: Element) => {
      const found: string[] = [];
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        // URL parsers skip spaces and control characters, so they are ignored here too.
        const squeezed = [...a.value].filter((ch) => ch.charCodeAt(0) > 32).join('');
        if (/^(javascript|data|vbscript):/i.test(squeezed)) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 40)}">`);
      }
      return found;
    };
  });
  const page = await context.newPage();
  return { context, page, problems: recordProblems(page) };
}
