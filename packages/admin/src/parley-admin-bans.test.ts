import { expect, fixture, html } from '@open-wc/testing';
import type { Ban } from './api-types.js';
import type { ParleyAdminBans } from './parley-admin-bans.js';
import { fakeServer, until } from './test-fake-server.js';
import './parley-admin-bans.js';

describe('parley-admin-bans', () => {
  it('is accessible, adds a ban with an expiry and lifts one', async () => {
    const bans: Ban[] = [
      {
        id: 'b1',
        kind: 'ip',
        label: 'ip 3f2a…',
        site: null,
        reason: 'flood',
        expiresAt: null,
        createdAt: '2026-11-25T10:00:00Z',
      },
    ];
    const fake = fakeServer({
      'GET /bans': () => ({ body: { bans } }),
      'POST /bans': (c) => {
        const b = c.body as Ban & { value: string };
        bans.unshift({ ...b, id: 'b2', label: 'j…@example.com', createdAt: new Date().toISOString() });
        return { status: 201, body: { ban: bans[0] } };
      },
      'DELETE /bans/b1': () => ({ status: 204 }),
    });
    try {
      const el = await fixture<ParleyAdminBans>(
        html`<parley-admin-bans .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-bans>`,
      );
      await until(() => el.shadowRoot!.querySelector('table'), 'the list');
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('tbody')!.textContent).to.contain('ip 3f2a…');
      const field = (name: string) => el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
      field('kind').value = 'email';
      field('value').value = 'jo@example.com';
      field('site').value = 'demo';
      field('expires').value = String(86_400_000);
      field('reason').value = 'abuse';
      const before = Date.now();
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
      await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'the new ban');
      const sent = fake.calls.find((c) => c.method === 'POST')!.body as Record<string, string>;
      expect(sent.kind).to.equal('email');
      expect(sent.value).to.equal('jo@example.com');
      expect(sent.site).to.equal('demo');
      expect(sent.reason).to.equal('abuse');
      const expires = Date.parse(sent.expiresAt!);
      expect(expires - before).to.be.within(86_400_000 - 1000, 86_400_000 + 5000);
      const lift = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')][1]!;
      lift.click();
      await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'the lifted ban');
      expect(fake.calls.at(-1)!.method).to.equal('DELETE');
    } finally {
      fake.restore();
    }
  });

  it('a refused ban marks the field the server names, links and focuses it; an added one keeps focus on Ban', async () => {
    let refuse = true;
    const bans: Ban[] = [];
    const fake = fakeServer({
      'GET /bans': () => ({ body: { bans } }),
      'POST /bans': (c) => {
        if (refuse) {
          return {
            status: 422,
            body: {
              code: 'invalid-fields',
              detail: 'value: must be an e-mail address or its hash',
              errors: [{ path: 'value', message: 'must be an e-mail address or its hash' }],
            },
          };
        }
        bans.push({ ...(c.body as Ban), id: 'b1', label: 'j…@example.com', createdAt: '' });
        return { status: 201, body: { ban: bans[0] } };
      },
    });
    try {
      const el = await fixture<ParleyAdminBans>(html`<parley-admin-bans></parley-admin-bans>`);
      await until(() => el.shadowRoot!.textContent!.includes('No bans.'), 'the list');
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const value = root.querySelector<HTMLInputElement>('input[name=value]')!;
      const button = root.querySelector<HTMLButtonElement>('button.primary')!;
      value.value = 'not an address';
      button.focus();
      button.click();
      await until(() => root.querySelector('#value-error'), 'the field error');
      expect(root.querySelector('#value-error')!.textContent).to.equal('must be an e-mail address or its hash');
      expect(value.getAttribute('aria-invalid')).to.equal('true');
      expect(value.getAttribute('aria-describedby')).to.equal('value-error');
      expect(root.activeElement).to.equal(value);
      expect(root.querySelector('fieldset .error:not([id])')!.textContent).to.equal('Some fields need fixing.');
      expect(root.textContent).to.not.contain('Something went wrong');
      await expect(el).to.be.accessible();

      refuse = false;
      value.value = 'jo@example.com';
      button.focus();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      button.click();
      await until(() => root.querySelectorAll('tbody tr').length === 1, 'the new ban');
      expect(root.activeElement).to.equal(button);
      expect(value.hasAttribute('aria-invalid')).to.equal(false);
      expect(fake.calls.filter((c) => c.method === 'POST')).to.have.length(2);
    } finally {
      fake.restore();
    }
  });
});
