import { expect, fixture, html } from '@open-wc/testing';
import type { Admin } from './api-types.js';
import type { ParleyAdmin } from './parley-admin.js';
import { comment, fakeServer, until } from './test-fake-server.js';
import './parley-admin.js';

// In Arabic and Hebrew the whole console mirrors: `<html dir="rtl">`, the header's sections from
// the right, the current comment's bar on its right edge. Other languages set `dir="ltr"` back.

const OWNER: Admin = { id: 'a1', email: 'owner@example.com', name: 'Owner', role: 'owner', sites: [], mustChangePassword: false };
const deep = (root: Element, ...selectors: string[]): Element | null => {
  let el: Element | null = root;
  for (const s of selectors) el = (el?.shadowRoot ?? el)?.querySelector(s) ?? null;
  return el;
};

function api() {
  const held = comment({ author: { name: 'Held Reader' } });
  return fakeServer({
    'GET /session': () => ({ body: { admin: { ...OWNER, locale: null }, csrfToken: 'tok' } }),
    'PATCH /me': (c) => ({ body: { admin: { ...OWNER, locale: (c.body as { locale: string }).locale } } }),
    'GET /sites': () => ({ body: { sites: [{ id: 'demo', name: 'Demo', origins: [] }] } }),
    'GET /queue': () => ({ body: { comments: [held], nextCursor: null } }),
  });
}

/** The console in `lang` (chosen in an earlier visit), signed in, its queue loaded. */
async function open(lang: string): Promise<ParleyAdmin> {
  localStorage.setItem('parley-admin-lang', lang);
  const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
  await until(() => deep(el, 'parley-admin-queue', 'parley-admin-list', 'parley-admin-comment'), 'the queue');
  return el;
}

describe('parley-admin right to left', () => {
  let fake: ReturnType<typeof api>;
  beforeEach(() => {
    localStorage.clear();
    location.hash = '';
    fake = api();
  });
  afterEach(() => {
    fake.restore();
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
  });

  for (const [lang, heading, waiting] of [
    ['ar', 'قائمة انتظار الإشراف', 'تعليق واحد في الانتظار'],
    ['he', 'תור לאישור', 'תגובה אחת ממתינה'],
  ] as const) {
    it(`mirrors the console in ${lang}`, async () => {
      const el = await open(lang);
      await expect(el).to.be.accessible();
      expect([document.documentElement.lang, document.documentElement.dir]).to.deep.equal([lang, 'rtl']);
      expect(getComputedStyle(el).direction).to.equal('rtl');
      expect(deep(el, 'parley-admin-queue', 'h1')?.textContent).to.equal(heading);
      const live = deep(el, '[role=status]') as HTMLElement;
      await until(() => live.textContent?.includes(waiting), 'the count read out');
      // The sections start at the right, the tools end at the left.
      const links = [...(el.shadowRoot as ShadowRoot).querySelectorAll('nav a')].map((a) => a.getBoundingClientRect());
      expect(links[0]?.left).to.be.greaterThan(links[1]?.left ?? Infinity);
      const header = (el.shadowRoot as ShadowRoot).querySelector('header')?.getBoundingClientRect();
      const tools = (el.shadowRoot as ShadowRoot).querySelector('.tools')?.getBoundingClientRect();
      expect((tools?.left ?? 0) - (header?.left ?? 0)).to.be.lessThan(40);
      // The current comment's accent bar is on its right edge (a negative inset shadow).
      const item = deep(el, 'parley-admin-queue', 'parley-admin-list', 'parley-admin-comment[current]') as HTMLElement;
      const article = item.shadowRoot?.querySelector('article') as HTMLElement;
      expect(getComputedStyle(article).boxShadow).to.match(/-4px 0px 0px 0px inset/);
    });
  }

  it('turns back to left to right when another language is chosen', async () => {
    const el = await open('ar');
    expect(document.documentElement.dir).to.equal('rtl');
    const select = [...(el.shadowRoot as ShadowRoot).querySelectorAll('select')].find((s) => s.querySelector('option[lang]'));
    const names = [...(select?.options ?? [])].map((o) => o.textContent?.trim());
    expect(names).to.include.members(['العربية', 'עברית']);
    (select as HTMLSelectElement).value = 'de';
    select?.dispatchEvent(new Event('change'));
    await until(() => document.documentElement.lang === 'de', 'German');
    expect(document.documentElement.dir).to.equal('ltr');
    expect(getComputedStyle(el).direction).to.equal('ltr');
    const item = deep(el, 'parley-admin-queue', 'parley-admin-list', 'parley-admin-comment[current]') as HTMLElement;
    expect(getComputedStyle(item.shadowRoot?.querySelector('article') as HTMLElement).boxShadow).to.match(
      / 4px 0px 0px 0px inset/,
    );
  });
});
