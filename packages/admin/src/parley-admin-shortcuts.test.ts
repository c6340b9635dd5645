import { expect, fixture, html } from '@open-wc/testing';
import type { Admin } from './api-types.js';
import type { ParleyAdmin } from './parley-admin.js';
import { comment, fakeServer, press, until } from './test-fake-server.js';
import './parley-admin.js';

/**
 * The switch for single-key shortcuts in the shortcut overlay, in the whole console: off, no
 * single key acts (`?` included) and the buttons stop naming keys; the header's button still
 * opens the overlay; the choice is remembered in this browser.
 */

const OWNER: Admin = { id: 'a1', email: 'owner@example.com', name: 'Owner', role: 'owner', sites: [], mustChangePassword: false };
const deep = (root: Element, ...selectors: string[]): Element | null => {
  let el: Element | null = root;
  for (const s of selectors) el = (el?.shadowRoot ?? el)?.querySelector(s) ?? null;
  return el;
};

describe('single-key shortcuts switch', () => {
  beforeEach(() => {
    localStorage.clear();
    location.hash = '';
  });
  afterEach(() => localStorage.clear());

  it('turns the keys off and on from the overlay, at once and remembered', async () => {
    const [held, other] = [comment(), comment()];
    const fake = fakeServer({
      'GET /session': () => ({ body: { admin: { ...OWNER, locale: 'en' }, csrfToken: 'tok' } }),
      'GET /sites': () => ({ body: { sites: [{ id: 'demo', name: 'Demo', origins: [] }] } }),
      'GET /queue': () => ({ body: { comments: [held, other], nextCursor: null } }),
      [`POST /comments/${held.id}/approve`]: () => ({ body: { comment: { ...held, status: 'approved' } } }),
      [`POST /comments/${other.id}/approve`]: () => ({ body: { comment: { ...other, status: 'approved' } } }),
    });
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-queue', 'parley-admin-list', 'parley-admin-comment'), 'the queue');
      await expect(el).to.be.accessible();
      const item = deep(el, 'parley-admin-queue', 'parley-admin-list', 'parley-admin-comment') as HTMLElement;
      await until(() => deep(item, 'kbd'), 'the buttons with their keys');
      const help = deep(el, 'parley-admin-help')!;
      const dialog = deep(help, 'dialog') as HTMLDialogElement;
      item.focus();
      press('?');
      expect(dialog.open).to.equal(true);
      const on = dialog.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      expect(on.checked).to.equal(true);
      expect(on.closest('label')!.textContent!.trim()).to.equal('Use single-key shortcuts');
      const scope = dialog.querySelector(`#${on.getAttribute('aria-describedby')}`)!;
      expect(scope.textContent).to.contain('only while focus is in a list');
      await expect(help).to.be.accessible();

      on.click();
      expect(localStorage.getItem('parley-admin-shortcuts')).to.equal('off');
      dialog.close();
      await until(() => !deep(item, 'kbd'), 'the keys gone from the buttons');
      expect(deep(item, '[aria-keyshortcuts]')).to.equal(null);
      item.focus();
      press('?');
      expect(dialog.open).to.equal(false);
      press('a');

      // The header's button still opens the overlay, which shows the stored choice.
      const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('header button')].find((b) =>
        b.textContent!.includes('(?)'),
      )!;
      button.click();
      expect(dialog.open).to.equal(true);
      expect(on.checked).to.equal(false);
      on.click();
      expect(localStorage.getItem('parley-admin-shortcuts')).to.equal(null);
      dialog.close();
      await until(() => deep(item, 'kbd'), 'the keys back on the buttons');
      item.focus();
      press('a');
      await until(() => fake.calls.some((c) => c.path.endsWith('/approve')), 'the approval');
      // One approval, of the first comment: the "a" pressed while the keys were off did nothing.
      expect(fake.calls.filter((c) => c.path.endsWith('/approve')).map((c) => c.path)).to.deep.equal([
        `/comments/${held.id}/approve`,
      ]);
    } finally {
      fake.restore();
    }
  });
});
