import { expect, fixture, html } from '@open-wc/testing';
import type { AdminComment } from './api-types.js';
import type { ParleyAdminBanAuthor } from './parley-admin-ban-author.js';
import type { ParleyAdminList } from './parley-admin-list.js';
import { comment, fakeServer, press, until } from './test-fake-server.js';
import './parley-admin-list.js';

const DAY = 86_400_000;

/** A list with focus on its first comment: its keys act only while focus is inside. */
async function list(items: AdminComment[]) {
  const el = await fixture<ParleyAdminList>(html`<parley-admin-list resolve label="Queue" .items=${items}></parley-admin-list>`);
  (el.shadowRoot!.querySelector('parley-admin-comment') as HTMLElement).focus();
  return el;
}

const form = (el: ParleyAdminList) => el.shadowRoot!.querySelector<ParleyAdminBanAuthor>('parley-admin-ban-author')!;
const inForm = <T extends Element>(el: ParleyAdminList, selector: string) => form(el).shadowRoot!.querySelector<T>(selector);

describe('parley-admin-ban-author', () => {
  it('b opens a ban form for the current comment’s author: accessible, only what is on record, sent by comment id with an expiry', async () => {
    const held = comment({ author: { name: 'Spammer', website: null, hasEmail: true, emailHash: 'eh', ipHash: 'iphash123' } });
    const fake = fakeServer({
      'POST /bans': (c) => ({
        status: 201,
        body: {
          ban: {
            id: 'b1',
            kind: (c.body as { kind: string }).kind,
            label: 'ip iphash12…',
            site: null,
            expiresAt: null,
            createdAt: '',
          },
        },
      }),
    });
    try {
      const el = await list([held, comment()]);
      const said: string[] = [];
      el.addEventListener('parley-admin-announce', (e) => said.push((e as CustomEvent<{ message: string }>).detail.message));
      press('b');
      await until(() => inForm(el, 'dialog[open]'), 'the ban form');
      await expect(form(el)).to.be.accessible();
      expect(inForm(el, 'h2')!.textContent).to.equal('Ban Spammer');
      const kinds = [...form(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')];
      expect(kinds.map((k) => [k.value, k.checked])).to.deep.equal([
        ['email', true],
        ['ip', false],
      ]);
      // Focus is inside the modal form, and shortcuts wait while it is open.
      expect(form(el).shadowRoot!.activeElement).to.equal(kinds[0]);
      press('a');
      kinds[1]!.click();
      inForm<HTMLSelectElement>(el, 'select[name=site]')!.value = '';
      inForm<HTMLSelectElement>(el, 'select[name=expires]')!.value = String(DAY);
      inForm<HTMLInputElement>(el, 'input[name=reason]')!.value = ' link spam ';
      const before = Date.now();
      inForm<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await until(() => said.some((s) => s.startsWith('Banned')), 'the announcement');
      expect(fake.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['POST /bans']);
      const body = fake.calls[0]!.body as { kind: string; commentId: string; site: null; reason: string; expiresAt: string };
      expect(body).to.include({ kind: 'ip', commentId: held.id, site: null, reason: 'link spam' });
      expect(body).to.not.have.property('value');
      const expires = Date.parse(body.expiresAt);
      expect(expires).to.be.within(before + DAY - 1000, Date.now() + DAY + 1000);
      expect(said).to.include('Banned: ip iphash12….');
      expect(inForm(el, 'dialog[open]')).to.equal(null);
      // The comment itself is left to the moderator's next keystroke.
      expect(el.items).to.have.length(2);
    } finally {
      fake.restore();
    }
  });

  it('the button opens it too; a refusal stays in the form; Escape cancels and nothing is sent', async () => {
    const c = comment({ author: { name: 'Eve', website: null, hasEmail: true, emailHash: 'eh', ipHash: null } });
    const fake = fakeServer({
      'POST /bans': () => ({ status: 403, body: { code: 'forbidden', detail: 'Only owners may ban on every site' } }),
    });
    try {
      const el = await list([c]);
      const item = el.shadowRoot!.querySelector('parley-admin-comment')!;
      const button = [...item.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Ban author'))!;
      expect(button.getAttribute('aria-keyshortcuts')).to.equal('b');
      button.click();
      await until(() => inForm(el, 'dialog[open]'), 'the ban form');
      expect([...form(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=kind]')].map((k) => k.value)).to.deep.equal([
        'email',
      ]);
      // Seven days unless chosen otherwise; this site unless chosen otherwise.
      expect(inForm<HTMLSelectElement>(el, 'select[name=expires]')!.value).to.equal(String(7 * DAY));
      expect(inForm<HTMLSelectElement>(el, 'select[name=site]')!.value).to.equal('demo');
      inForm<HTMLSelectElement>(el, 'select[name=site]')!.value = '';
      inForm<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await until(() => inForm(el, '.error'), 'the refusal');
      expect(inForm(el, '.error')!.textContent).to.contain('Only owners may ban on every site');
      expect(inForm(el, 'dialog[open]')).to.not.equal(null);
      inForm(el, 'dialog')!.dispatchEvent(new Event('cancel'));
      await until(() => !inForm(el, 'dialog[open]'), 'the form to close');
      expect(fake.calls).to.have.length(1);
    } finally {
      fake.restore();
    }
  });

  it('a comment with neither e-mail nor IP on record says so and offers no ban', async () => {
    const fake = fakeServer({});
    try {
      const el = await list([comment()]);
      press('b');
      await until(() => inForm(el, 'dialog[open]'), 'the form');
      await expect(form(el)).to.be.accessible();
      expect(inForm(el, 'form')).to.equal(null);
      expect(inForm(el, 'p')!.textContent).to.contain('cannot be banned from here');
      expect(fake.calls).to.have.length(0);
    } finally {
      fake.restore();
    }
  });
});
