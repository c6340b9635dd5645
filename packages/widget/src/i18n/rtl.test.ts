import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../parley-comments.js';
import type { ParleyComments } from '../parley-comments.js';
import '../parley-count.js';
import type { ParleyCount } from '../parley-count.js';
import '../parley-share.js';
import type { ParleyShare } from '../parley-share.js';
import { json, listing, makeComment, shadow, stubFetch, waitUntilLoaded } from '../test-support.js';

// Arabic and Hebrew read right to left: each surface mirrors on a left-to-right page (the
// fixtures sit in `<div dir="ltr" lang="en">`), where inheriting the page's direction would lay
// them out backwards; a `dir` on the element itself wins over its language.

/** Left and right edges of an element in the thread's shadow root. */
const box = (root: ShadowRoot, sel: string) => (root.querySelector(sel) as HTMLElement).getBoundingClientRect();

/** Mounts a thread of one comment with one reply, in `lang` (with `dir` if given), on a left-to-right page. */
async function thread(lang: string | undefined, dir?: string): Promise<ParleyComments> {
  const wrap = await fixture<HTMLElement>(html`<div dir="ltr" lang="en" style="width:40rem">
    <parley-comments site="demo" page="/a" api="http://127.0.0.1:1" lang=${lang ?? nothing} dir=${dir ?? nothing} no-lazy no-live></parley-comments>
  </div>`);
  const el = wrap.querySelector('parley-comments') as ParleyComments;
  await waitUntilLoaded(() => el.phase === 'ready', 'loaded');
  await el.updateComplete;
  return el;
}

/** Where the reply sits in its parent's box: how far each of its edges is inset from the parent's. */
function replyInset(el: ParleyComments): { left: number; right: number } {
  const root = shadow(el);
  const parent = box(root, '#comment-p1');
  const reply = box(root, '#comment-r1');
  return { left: reply.left - parent.left, right: parent.right - reply.right };
}

describe('right-to-left languages', () => {
  stubFetch((url) =>
    url.pathname === '/api/v1/counts'
      ? json({ counts: Object.fromEntries(url.searchParams.getAll('page').map((p) => [p, 3])) })
      : listing([makeComment('p1', 'أهلًا', { replies: [makeComment('r1', 'شكرًا', { parentId: 'p1' })] })], { count: 2 }),
  );
  let pageLang: string;
  beforeEach(() => {
    localStorage.clear();
    pageLang = document.documentElement.lang;
  });
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });

  for (const [lang, table, count, heading] of [
    ['ar', 'ar', 'تعليقان', 'التعليقات'],
    ['he-IL', 'he', '2 תגובות', 'תגובות'],
  ]) {
    it(`lays the thread out right to left in ${lang} on a left-to-right page, replies indented from the right`, async () => {
      const el = await thread(lang);
      await expect(el).to.be.accessible();
      expect(el.t.lang).to.equal(table);
      const root = shadow(el);
      const section = root.querySelector('section') as HTMLElement;
      expect(section.getAttribute('aria-label')).to.equal(heading);
      expect(section.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(section).direction).to.equal('rtl');
      expect(root.querySelector('.count')?.textContent).to.equal(count);
      // The reply is indented from the right (the start of a right-to-left line), not the left.
      const { left, right } = replyInset(el);
      expect(right, 'right edge inset').to.be.greaterThan(16);
      expect(Math.abs(left), 'left edges line up').to.be.lessThan(1);
      // The actions row runs from the right: the first button (upvote) is the rightmost.
      const actions = [...root.querySelectorAll<HTMLElement>('#comment-p1 .actions button:not([hidden])')];
      const xs = actions.map((b) => b.getBoundingClientRect().left);
      expect(xs, 'each button left of the one before').to.deep.equal([...xs].sort((a, b) => b - a));
      // The count is at the right of the bar, the sort menu at its left; the form's first field
      // (name) at the right, the next ones to its left.
      expect(box(root, '.count').right).to.be.greaterThan(box(root, '.bar label').right);
      const fields = [...root.querySelectorAll<HTMLElement>('form .who .field')].map((f) => f.getBoundingClientRect());
      expect(Math.abs((fields[0]?.right ?? 0) - box(root, 'form').right), 'name field at the right').to.be.lessThan(1);
      expect(fields[1]?.right).to.be.lessThan(fields[0]?.left ?? -Infinity);
    });
  }

  it('takes the direction from the page’s <html lang>', async () => {
    document.documentElement.lang = 'ar-EG';
    const wrap = await fixture<HTMLElement>(
      html`<div><parley-comments site="demo" page="/a" api="http://127.0.0.1:1" no-lazy no-live></parley-comments></div>`,
    );
    const el = wrap.querySelector('parley-comments') as ParleyComments;
    await waitUntilLoaded(() => el.phase === 'ready', 'loaded');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(el.t.lang).to.equal('ar');
    expect(getComputedStyle(shadow(el).querySelector('section') as HTMLElement).direction).to.equal('rtl');
    expect(replyInset(el).right).to.be.greaterThan(16);
  });

  it('lets dir on the element win over its language', async () => {
    const el = await thread('ar', 'ltr');
    await expect(el).to.be.accessible();
    expect(el.t.lang).to.equal('ar');
    const section = shadow(el).querySelector('section') as HTMLElement;
    expect(getComputedStyle(section).direction).to.equal('ltr');
    const { left, right } = replyInset(el);
    expect(left, 'indented from the left').to.be.greaterThan(16);
    expect(Math.abs(right)).to.be.lessThan(1);
    // And dir="rtl" on an English thread mirrors it.
    const en = await thread('en', 'rtl');
    expect(getComputedStyle(shadow(en).querySelector('section') as HTMLElement).direction).to.equal('rtl');
    expect(replyInset(en).right).to.be.greaterThan(16);
  });

  for (const [lang, label, copy] of [
    ['ar', 'مشاركة', 'نسخ الرابط'],
    ['he', 'שיתוף', 'העתקת קישור'],
  ]) {
    it(`runs the share bar right to left in ${lang}, the first service at the right`, async () => {
      const wrap = await fixture<HTMLElement>(html`<div dir="ltr" lang="en">
        <parley-share lang=${lang} url="https://a.example/" services="copy email print"></parley-share>
        <parley-share lang=${lang} variant="compact" url="https://a.example/" services="copy email"></parley-share>
      </div>`);
      const [bar, compact] = [...wrap.querySelectorAll('parley-share')] as ParleyShare[];
      const list = () => shadow(bar).querySelector('ul') as HTMLElement;
      await waitUntilLoaded(() => list().getAttribute('aria-label') === label, `${lang} share terms`);
      await waitUntilLoaded(() => shadow(compact).querySelector('ul')?.getAttribute('aria-label') === label, 'compact too');
      await expect(wrap).to.be.accessible();
      expect(getComputedStyle(list()).direction).to.equal('rtl');
      const [first, second, third] = [...list().querySelectorAll('li')].map((li) => li.getBoundingClientRect());
      expect(first?.right).to.be.greaterThan(second?.right ?? Infinity);
      expect(second?.right).to.be.greaterThan(third?.right ?? Infinity);
      expect(list().querySelector('[part~="control-copy"]')?.textContent?.trim()).to.equal(copy);
      // The compact variant's button puts its icon at the right of its label.
      const toggle = shadow(compact).querySelector('[part=toggle]') as HTMLElement;
      expect(getComputedStyle(toggle).direction).to.equal('rtl');
      const icon = (toggle.querySelector('svg') as SVGElement).getBoundingClientRect();
      expect(icon.left).to.be.greaterThan((toggle.querySelector('[part=label]') as HTMLElement).getBoundingClientRect().left);
    });
  }

  it('keeps an Arabic share bar left to right when its own dir says so', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div dir="rtl"><parley-share lang="ar" dir="ltr" url="https://a.example/" services="copy email"></parley-share></div>`,
    );
    const bar = wrap.querySelector('parley-share') as ParleyShare;
    const list = () => shadow(bar).querySelector('ul') as HTMLElement;
    await waitUntilLoaded(() => list().getAttribute('aria-label') === 'مشاركة', 'Arabic share terms');
    await expect(bar).to.be.accessible();
    expect(getComputedStyle(list()).direction).to.equal('ltr');
    const [first, second] = [...list().querySelectorAll('li')].map((li) => li.getBoundingClientRect());
    expect(first?.left).to.be.lessThan(second?.left ?? -Infinity);
  });

  it('reads an Arabic or Hebrew comment count right to left inside a left-to-right line', async () => {
    const wrap = await fixture<HTMLElement>(html`<p dir="ltr" lang="en">
      <parley-count site="demo" api="https://comments.test" lang="ar" href="/a"></parley-count>
      <parley-count site="demo" api="https://comments.test" lang="he" href="/b"></parley-count>
      <parley-count site="demo" api="https://comments.test" lang="ar" dir="ltr" href="/c"></parley-count>
    </p>`);
    const counts = [...wrap.querySelectorAll('parley-count')] as ParleyCount[];
    const spans = () => counts.map((c) => shadow(c).querySelector<HTMLElement>('[part=count]'));
    await waitUntilLoaded(() => spans().every(Boolean), 'counted');
    await expect(wrap).to.be.accessible();
    expect(spans().map((s) => s?.textContent)).to.deep.equal(['3 تعليقات', '3 תגובות', '3 تعليقات']);
    expect(spans().map((s) => s && getComputedStyle(s).direction)).to.deep.equal(['rtl', 'rtl', 'ltr']);
    // Right to left, the number comes first at the right: "3" is right of the word.
    const span = spans()[0] as HTMLElement;
    const digits = [...span.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
    const range = document.createRange();
    range.setStart(digits, 0);
    range.setEnd(digits, 1);
    expect(range.getBoundingClientRect().left).to.be.greaterThan(span.getBoundingClientRect().left + span.offsetWidth / 2);
  });
});
