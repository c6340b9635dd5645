import { expect, fixture, html } from '@open-wc/testing';
import type { AdminComment } from './api-types.js';
import { setShortcutsOn } from './keys.js';
import type { ParleyAdminList } from './parley-admin-list.js';
import { type Call, comment, fakeServer, press, until } from './test-fake-server.js';
import './parley-admin-list.js';

/**
 * Where the list's keys act and where its focus goes: single keys only while focus is inside
 * the list (WCAG 2.1.4) and only while switched on; focus kept by busy buttons and returned to
 * the current comment when the bulk bar closes.
 */

/** Answers every action on a comment with that comment in its new status, and bulk calls with success. */
function server(all: AdminComment[]) {
  const routes: Parameters<typeof fakeServer>[0] = {
    'POST /comments/bulk': (c: Call) => ({
      body: { results: (c.body as { ids: string[] }).ids.map((id) => ({ id, ok: true })) },
    }),
  };
  for (const c of all) {
    for (const [action, status] of [
      ['approve', 'approved'],
      ['reject', 'rejected'],
      ['spam', 'spam'],
    ]) {
      routes[`POST /comments/${c.id}/${action}`] = () => ({ body: { comment: { ...c, status } } });
    }
  }
  return fakeServer(routes);
}

/** A button elsewhere on the page, then the list (checked with axe first) with focus on its first comment. */
async function list(items: AdminComment[]): Promise<{ el: ParleyAdminList; elsewhere: HTMLButtonElement }> {
  const elsewhere = await fixture<HTMLButtonElement>(
    html`<button type="button">Elsewhere</button
      ><parley-admin-list resolve label="Queue" .items=${items}></parley-admin-list>`,
  );
  const el = elsewhere.nextElementSibling as ParleyAdminList;
  await el.updateComplete;
  await expect(el).to.be.accessible();
  (el.shadowRoot!.querySelector('parley-admin-comment') as HTMLElement).focus();
  return { el, elsewhere };
}

const items = (el: ParleyAdminList) => [...el.shadowRoot!.querySelectorAll('parley-admin-comment')];
const currentIndex = (el: ParleyAdminList) => items(el).findIndex((i) => i.hasAttribute('current'));
const paths = (calls: Call[]) => calls.map((c) => c.path.replace(/^\/comments\/[^/]+\//, ''));
const focused = (el: ParleyAdminList) => {
  let a = el.shadowRoot!.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

describe('parley-admin-list focus and keys', () => {
  afterEach(() => localStorage.clear());

  it('keys act only while focus is in the list: from elsewhere on the page they do nothing', async () => {
    const all = [comment(), comment(), comment()];
    const fake = server(all);
    try {
      const { el, elsewhere } = await list(all);
      elsewhere.focus();
      press('s');
      press('j');
      await el.updateComplete;
      expect(currentIndex(el)).to.equal(0);
      // Inside the list, on a comment's button as much as on the comment itself.
      items(el)[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-keyshortcuts=p]')!.focus();
      press('r');
      await until(() => el.items.length === 2, 'the rejection');
      expect(paths(fake.calls)).to.deep.equal(['reject']);
    } finally {
      fake.restore();
    }
  });

  it('single-key shortcuts can be switched off (remembered); the buttons then name no keys', async () => {
    const all = [comment(), comment(), comment()];
    const fake = server(all);
    try {
      const { el } = await list(all);
      const keys = () => items(el)[0]!.shadowRoot!.querySelectorAll('[aria-keyshortcuts]').length;
      expect(keys()).to.be.above(5);
      setShortcutsOn(false);
      expect(localStorage.getItem('parley-admin-shortcuts')).to.equal('off');
      await el.updateComplete;
      await items(el)[0]!.updateComplete;
      expect(keys()).to.equal(0);
      expect(items(el)[0]!.shadowRoot!.querySelector('kbd')).to.equal(null);
      await expect(el).to.be.accessible();
      press('s');
      press('j');
      await el.updateComplete;
      expect(currentIndex(el)).to.equal(0);
      setShortcutsOn(true);
      expect(localStorage.getItem('parley-admin-shortcuts')).to.equal(null);
      press('j');
      press('r');
      await until(() => el.items.length === 2, 'the rejection');
      expect(paths(fake.calls)).to.deep.equal(['reject']);
      expect(el.items.map((c) => c.id)).to.deep.equal([all[0]!.id, all[2]!.id]);
    } finally {
      fake.restore();
    }
  });

  it('"Clear selection" closes the bar and puts focus back on the current comment', async () => {
    const { el } = await list([comment(), comment()]);
    press('j');
    press('x');
    await el.updateComplete;
    const clear = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bulk button')].at(-1)!;
    expect(clear.textContent!.trim()).to.equal('Clear selection');
    clear.focus();
    clear.click();
    await until(() => !el.shadowRoot!.querySelector('.bulk'), 'the bar to close');
    await until(() => focused(el)?.tagName === 'ARTICLE', 'focus on a comment');
    expect(focused(el)).to.equal(items(el)[1]!.shadowRoot!.querySelector('article'));
  });

  it('a bulk button keeps focus while the action runs (aria-disabled, not disabled) and runs once', async () => {
    const all = [comment(), comment(), comment()];
    // The server answers only when told to, so the test sees the list while the action runs.
    let answer: () => void = () => {};
    let asked = 0;
    const original = window.fetch;
    const fake = server(all);
    const served = window.fetch;
    window.fetch = (input, init) => {
      asked += 1;
      return new Promise((done) => (answer = () => done(served(input, init))));
    };
    try {
      const { el } = await list(all);
      press('x');
      press('j');
      press('x');
      await el.updateComplete;
      const approve = el.shadowRoot!.querySelector<HTMLButtonElement>('.bulk button')!;
      approve.focus();
      approve.click();
      await el.updateComplete;
      expect(approve.getAttribute('aria-disabled')).to.equal('true');
      expect(approve.disabled).to.equal(false);
      expect(focused(el)).to.equal(approve);
      approve.click();
      answer();
      await until(() => el.items.length === 1, 'the approval');
      expect(asked).to.equal(1);
    } finally {
      window.fetch = original;
      fake.restore();
    }
  });
});
