import { expect, fixture, html } from '@open-wc/testing';
import type { ParleyAdminAudit } from './parley-admin-audit.js';
import { fakeServer, until } from './test-fake-server.js';
import './parley-admin-audit.js';

describe('parley-admin-audit', () => {
  it('is accessible and pages through the entries, newest first', async () => {
    const entry = (n: number) => ({
      id: `e${n}`,
      at: new Date(Date.UTC(2026, 10, 25, 12, 60 - n)).toISOString(),
      actor: { id: 'a1', email: 'owner@example.com', name: 'Owner' },
      action: 'comment.approve',
      site: 'demo',
      target: `c${n}`,
      detail: { from: 'pending' },
    });
    const fake = fakeServer({
      'GET /audit': (c) =>
        c.query.get('cursor')
          ? { body: { entries: [entry(3)], nextCursor: null } }
          : { body: { entries: [entry(1), entry(2)], nextCursor: 'x' } },
    });
    try {
      const el = await fixture<ParleyAdminAudit>(html`<parley-admin-audit></parley-admin-audit>`);
      await until(() => el.shadowRoot!.querySelector('table'), 'the log');
      await expect(el).to.be.accessible();
      const rows = () =>
        [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelectorAll('td')[4]!.textContent!.trim());
      expect(rows()).to.deep.equal(['c1 {"from":"pending"}', 'c2 {"from":"pending"}']);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await until(() => rows().length === 3, 'the next page');
      expect(fake.calls.at(-1)!.query.get('cursor')).to.equal('x');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    } finally {
      fake.restore();
    }
  });
  it('names decisions made through a mail link, and the system where no account made them', async () => {
    const fake = fakeServer({
      'GET /audit': () => ({
        body: {
          entries: [
            {
              id: 'e1',
              at: new Date(Date.UTC(2026, 10, 25, 12, 0)).toISOString(),
              actor: { id: 'a1', email: 'greta@example.org', name: 'Greta' },
              action: 'comment.approve',
              site: 'demo',
              target: 'c1',
              detail: { from: 'pending', page: '/a', via: 'mail-link' },
            },
            {
              id: 'e2',
              at: new Date(Date.UTC(2026, 10, 25, 11, 0)).toISOString(),
              actor: { id: null, email: 'system', name: 'system' },
              action: 'comment.reject',
              site: 'demo',
              target: 'c2',
              detail: { from: 'pending', page: '/b', via: 'mail-link' },
            },
            {
              id: 'e3',
              at: new Date(Date.UTC(2026, 10, 25, 10, 0)).toISOString(),
              actor: { id: 'a2', email: 'olive@example.org', name: 'Olive' },
              action: 'comment.approve',
              site: 'demo',
              target: 'c3',
              detail: { from: 'pending', page: '/c' },
            },
          ],
          nextCursor: null,
        },
      }),
    });
    try {
      const el = await fixture<ParleyAdminAudit>(html`<parley-admin-audit></parley-admin-audit>`);
      await until(() => el.shadowRoot!.querySelector('table'), 'the log');
      await expect(el).to.be.accessible();
      const who = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
        r.querySelectorAll('td')[1]!.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(who).to.deep.equal(['greta@example.org via e-mail link', 'System via e-mail link', 'olive@example.org']);
    } finally {
      fake.restore();
    }
  });
});
