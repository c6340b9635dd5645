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
});
