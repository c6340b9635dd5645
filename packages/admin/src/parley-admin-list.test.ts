import { expect, fixture, html } from '@open-wc/testing';
import type { AdminComment } from './api-types.js';
import type { ParleyAdminList } from './parley-admin-list.js';
import { type Call, comment, fakeServer, press, until } from './test-fake-server.js';
import './parley-admin-list.js';

function server() {
  return fakeServer({
    'POST /comments/bulk': (c: Call) => ({
      body: { results: (c.body as { ids: string[] }).ids.map((id) => ({ id, ok: true })) },
    }),
    'POST /pages/lock': (c: Call) => ({ body: { page: { key: (c.body as { page: string }).page, locked: true } } }),
  });
}

/** A list with focus on its first comment, as a moderator clicking or tabbing into it leaves it. */
async function list(items: AdminComment[], resolve = true) {
  const el = await fixture<ParleyAdminList>(
    html`<parley-admin-list ?resolve=${resolve} label="Queue" .items=${items}></parley-admin-list>`,
  );
  (el.shadowRoot!.querySelector('parley-admin-comment') as HTMLElement).focus();
  return el;
}

const items = (el: ParleyAdminList) => [...el.shadowRoot!.querySelectorAll('parley-admin-comment')];

const currentIndex = (el: ParleyAdminList) => items(el).findIndex((i) => i.hasAttribute('current'));

describe('parley-admin-list', () => {
  it('is accessible, and j/k move the current comment and focus', async () => {
    const el = await list([comment(), comment(), comment()]);
    await expect(el).to.be.accessible();
    expect(currentIndex(el)).to.equal(0);
    press('j');
    press('j');
    await el.updateComplete;
    expect(currentIndex(el)).to.equal(2);
    press('j');
    await el.updateComplete;
    expect(currentIndex(el)).to.equal(2);
    press('k');
    await el.updateComplete;
    expect(currentIndex(el)).to.equal(1);
    expect(items(el)[1]!.shadowRoot!.activeElement?.tagName).to.equal('ARTICLE');
  });

  it('a approves the current comment, which leaves the queue, and the result is announced', async () => {
    const [one, two] = [comment(), comment()];
    const fake = fakeServer({
      [`POST /comments/${one.id}/approve`]: () => ({ body: { comment: { ...one, status: 'approved' } } }),
    });
    try {
      const el = await list([one, two]);
      const said: string[] = [];
      el.addEventListener('parley-admin-announce', (e) => said.push((e as CustomEvent<{ message: string }>).detail.message));
      press('a');
      await until(() => el.items.length === 1, 'the approved comment to leave');
      expect(fake.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal([`POST /comments/${one.id}/approve`]);
      expect(el.items[0]!.id).to.equal(two.id);
      expect(said).to.include('Approved 1 comment.');
    } finally {
      fake.restore();
    }
  });

  it('keys typed into a field are not shortcuts', async () => {
    const fake = server();
    try {
      const el = await list([comment()]);
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
      await new Promise((r) => setTimeout(r, 30));
      input.remove();
      expect(fake.calls).to.have.length(0);
      expect(el.items).to.have.length(1);
    } finally {
      fake.restore();
    }
  });

  it('x and shift-click select; s marks the whole selection as spam in one bulk call', async () => {
    const all = [comment(), comment(), comment(), comment()];
    const fake = server();
    try {
      const el = await list(all);
      press('x');
      await el.updateComplete;
      const box = (i: number) => items(el)[i]!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      box(2).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true }));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.bulk')!.textContent).to.contain('3 selected');
      await expect(el).to.be.accessible();
      press('s');
      await until(() => el.items.length === 1, 'the spam to leave');
      expect(fake.calls).to.have.length(1);
      expect(fake.calls[0]!.path).to.equal('/comments/bulk');
      expect(fake.calls[0]!.body).to.deep.equal({ action: 'spam', ids: all.slice(0, 3).map((c) => c.id) });
      expect(el.items[0]!.id).to.equal(all[3]!.id);
      expect(el.shadowRoot!.querySelector('.bulk')).to.equal(null);
    } finally {
      fake.restore();
    }
  });

  it('d asks before deleting; cancelling deletes nothing, confirming deletes', async () => {
    const c = comment();
    const fake = fakeServer({ [`DELETE /comments/${c.id}`]: () => ({ status: 204 }) });
    try {
      const el = await list([c]);
      press('d');
      const dialog = el.shadowRoot!.querySelector('parley-admin-dialog')!;
      await until(() => dialog.open, 'the question');
      const button = (type: string) => dialog.shadowRoot!.querySelector<HTMLButtonElement>(`button[type=${type}]`)!;
      expect(dialog.shadowRoot!.textContent).to.contain('Delete 1 comment for good?');
      button('button').click();
      await new Promise((r) => setTimeout(r, 30));
      expect(fake.calls).to.have.length(0);
      press('d');
      await until(() => dialog.open, 'the question again');
      button('submit').click();
      await until(() => el.items.length === 0, 'the deletion');
      expect(fake.calls.map((x) => x.method)).to.deep.equal(['DELETE']);
    } finally {
      fake.restore();
    }
  });

  it('e edits the text, m replies as moderator, p pins, l locks — each on the current comment', async () => {
    const c = comment({ body: 'old text', status: 'approved' });
    const fake = fakeServer({
      [`PATCH /comments/${c.id}`]: (x) => ({
        body: { comment: { ...c, body: (x.body as { body: string }).body, html: '<p>new text</p>' } },
      }),
      [`POST /comments/${c.id}/reply`]: (x) => ({
        status: 201,
        body: {
          comment: comment({ parentId: c.id, moderator: true, status: 'approved', body: (x.body as { body: string }).body }),
        },
      }),
      [`POST /comments/${c.id}/pin`]: () => ({ body: { comment: { ...c, pinned: true } } }),
      'POST /pages/lock': () => ({ body: { page: { ...c.page, locked: true } } }),
    });
    try {
      const el = await list([c], false);
      const dialog = el.shadowRoot!.querySelector('parley-admin-dialog')!;
      const answer = async (text: string) => {
        await until(() => dialog.open, 'the editor');
        const area = dialog.shadowRoot!.querySelector('textarea')!;
        area.value = text;
        dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      };
      press('e');
      await until(() => dialog.open, 'the editor');
      expect(dialog.shadowRoot!.querySelector('textarea')!.value).to.equal('old text');
      await answer('new text');
      await until(() => el.items[0]!.html === '<p>new text</p>', 'the edit');
      expect(fake.calls.at(-1)!.body).to.deep.equal({ body: 'new text' });

      press('m');
      await answer('Thanks, moderator here.');
      await until(() => el.items.length === 2, 'the reply');
      expect(el.items[1]!.moderator).to.equal(true);

      press('p');
      await until(() => el.items[0]!.pinned === true, 'the pin');
      press('l');
      await until(() => el.items[0]!.page.locked === true, 'the lock');
      expect(fake.calls.at(-1)!.body).to.deep.equal({ site: 'demo', page: c.page.key });
    } finally {
      fake.restore();
    }
  });

  it('outside the queue, acted-on comments stay with their new status', async () => {
    const c = comment();
    const fake = fakeServer({ [`POST /comments/${c.id}/reject`]: () => ({ body: { comment: { ...c, status: 'rejected' } } }) });
    try {
      const el = await list([c], false);
      press('r');
      await until(() => el.items[0]!.status === 'rejected', 'the rejection');
      expect(el.items).to.have.length(1);
    } finally {
      fake.restore();
    }
  });
});
