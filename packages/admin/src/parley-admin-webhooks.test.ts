import { expect, fixture, html } from '@open-wc/testing';
import type { Delivery, Webhook } from './api-types.js';
import type { ParleyAdminWebhooks } from './parley-admin-webhooks.js';
import { fakeServer, until } from './test-fake-server.js';
import './parley-admin-webhooks.js';

const SITES = [{ id: 'demo', name: 'Demo' }];

function delivery(over: Partial<Delivery>): Delivery {
  return {
    id: 1,
    deliveryId: 7,
    event: 'comment.created',
    attempt: 1,
    ok: false,
    status: 500,
    error: 'HTTP 500',
    durationMs: 12,
    at: '2026-11-26T01:00:00Z',
    state: 'pending',
    attempts: 1,
    nextRetryAt: '2026-11-26T01:00:30Z',
    ...over,
  };
}

describe('parley-admin-webhooks', () => {
  it('is accessible, adds a webhook with chosen events, shows its secret once and explains a refused URL', async () => {
    const hooks: Webhook[] = [];
    const fake = fakeServer({
      'GET /sites/demo/webhooks': () => ({ body: { webhooks: hooks } }),
      'POST /sites/demo/webhooks': (c) => {
        const b = c.body as { url: string; events: string[] };
        if (b.url.includes('127.0.0.1')) {
          return {
            status: 422,
            body: { code: 'webhook-url-refused', detail: 'url: points at a private or loopback address (127.0.0.1)' },
          };
        }
        const webhook = { id: 'w1', url: b.url, events: b.events, active: true, createdAt: '2026-11-26T01:00:00Z' };
        hooks.push(webhook);
        return { status: 201, body: { webhook, secret: 'whsec_only-once' } };
      },
    });
    try {
      const el = await fixture<ParleyAdminWebhooks>(html`<parley-admin-webhooks .sites=${SITES}></parley-admin-webhooks>`);
      await until(() => el.shadowRoot!.textContent?.includes('No webhooks'), 'the empty list');
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const url = root.querySelector<HTMLInputElement>('input[name=url]')!;
      const box = (ev: string) => root.querySelector<HTMLInputElement>(`input[name=events][value="${ev}"]`)!;
      url.value = 'http://127.0.0.1:8080/hook';
      root.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await until(() => root.querySelector('#url-error'), 'the URL error');
      expect(root.querySelector('#url-error')!.textContent).to.contain('private or loopback');
      expect(url.getAttribute('aria-invalid')).to.equal('true');
      expect(root.activeElement).to.equal(url);
      await expect(el).to.be.accessible();

      for (const ev of [
        'comment.created',
        'comment.held',
        'comment.approved',
        'comment.rejected',
        'comment.updated',
        'comment.deleted',
      ]) {
        box(ev).checked = ev === 'comment.created' || ev === 'comment.deleted';
      }
      url.value = 'https://hooks.example.com/parley';
      root.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await until(() => root.querySelector('.secret'), 'the secret');
      const sent = fake.calls.filter((c) => c.method === 'POST').at(-1)!.body as { url: string; events: string[] };
      expect(sent).to.deep.equal({ url: 'https://hooks.example.com/parley', events: ['comment.created', 'comment.deleted'] });
      expect(root.querySelector('.secret code')!.textContent).to.equal('whsec_only-once');
      expect(root.activeElement).to.equal(root.querySelector('#secret-heading'));
      expect(root.querySelector('tbody')!.textContent).to.contain('https://hooks.example.com/parley');
      await expect(el).to.be.accessible();
      // Dismissed, the secret is gone from the page for good.
      root.querySelector<HTMLButtonElement>('.secret button')!.click();
      await until(() => !root.querySelector('.secret'), 'the secret dismissed');
      expect(root.innerHTML).not.to.contain('whsec_only-once');
    } finally {
      fake.restore();
    }
  });

  it('refuses to send without an event', async () => {
    const fake = fakeServer({ 'GET /sites/demo/webhooks': () => ({ body: { webhooks: [] } }) });
    try {
      const el = await fixture<ParleyAdminWebhooks>(html`<parley-admin-webhooks .sites=${SITES}></parley-admin-webhooks>`);
      await until(() => el.shadowRoot!.querySelector('form'), 'the form');
      const root = el.shadowRoot!;
      root.querySelector<HTMLInputElement>('input[name=url]')!.value = 'https://hooks.example.com/x';
      for (const b of root.querySelectorAll<HTMLInputElement>('input[name=events]')) b.checked = false;
      root.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await until(() => root.querySelector('p.error'), 'the error');
      expect(root.querySelector('p.error')!.textContent).to.contain('at least one event');
      expect(fake.calls.filter((c) => c.method === 'POST')).to.have.length(0);
    } finally {
      fake.restore();
    }
  });

  it('shows the delivery log (status, error, next retry) and deletes a webhook after asking', async () => {
    const hooks: Webhook[] = [
      {
        id: 'w1',
        url: 'https://hooks.example.com/a',
        events: ['comment.created'],
        active: true,
        createdAt: '2026-11-26T00:00:00Z',
      },
    ];
    const fake = fakeServer({
      'GET /sites/demo/webhooks': () => ({ body: { webhooks: hooks } }),
      'GET /sites/demo/webhooks/w1/deliveries': () => ({
        body: {
          deliveries: [
            delivery({ id: 3, attempt: 3, ok: true, status: 200, error: null, state: 'sent', nextRetryAt: null }),
            delivery({
              id: 2,
              attempt: 2,
              status: null,
              error: 'connect ECONNREFUSED 127.0.0.1:9',
              state: 'sent',
              nextRetryAt: null,
            }),
            delivery({ id: 1, attempt: 1, state: 'sent', nextRetryAt: null }),
          ],
        },
      }),
      'DELETE /sites/demo/webhooks/w1': () => ({ status: 204 }),
    });
    try {
      const el = await fixture<ParleyAdminWebhooks>(html`<parley-admin-webhooks .sites=${SITES}></parley-admin-webhooks>`);
      await until(() => el.shadowRoot!.querySelector('tbody'), 'the list');
      const root = el.shadowRoot!;
      const [show, remove] = [...root.querySelectorAll<HTMLButtonElement>('tbody button')];
      show!.click();
      await until(() => root.querySelectorAll('section tbody tr').length === 3, 'the log');
      await expect(el).to.be.accessible();
      const rows = [...root.querySelectorAll('section tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
      expect(rows[0]).to.contain('Delivered (HTTP 200)');
      expect(rows[1]).to.contain('No answer: connect ECONNREFUSED');
      expect(rows[2]).to.contain('Refused (HTTP 500)');
      expect(show!.getAttribute('aria-expanded')).to.equal('true');
      expect(root.activeElement).to.equal(root.querySelector('#log-heading'));

      remove!.click();
      const dialog = root.querySelector('parley-admin-dialog')!;
      await until(() => dialog.open, 'the question');
      expect(dialog.shadowRoot!.textContent).to.contain('https://hooks.example.com/a');
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type=button]')!.click();
      await new Promise((r) => setTimeout(r, 30));
      expect(fake.calls.some((c) => c.method === 'DELETE')).to.equal(false);
      remove!.click();
      await until(() => dialog.open, 'the question again');
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => root.textContent?.includes('No webhooks'), 'the deletion');
      expect(fake.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).to.deep.equal(['/sites/demo/webhooks/w1']);
    } finally {
      fake.restore();
    }
  });

  it('shows the time of the next try while an event is retried', async () => {
    const fake = fakeServer({
      'GET /sites/demo/webhooks': () => ({
        body: {
          webhooks: [
            {
              id: 'w1',
              url: 'https://h.example/a',
              events: ['comment.created'],
              active: true,
              createdAt: '2026-11-26T00:00:00Z',
            },
          ],
        },
      }),
      'GET /sites/demo/webhooks/w1/deliveries': () => ({ body: { deliveries: [delivery({})] } }),
    });
    try {
      const el = await fixture<ParleyAdminWebhooks>(html`<parley-admin-webhooks .sites=${SITES}></parley-admin-webhooks>`);
      await until(() => el.shadowRoot!.querySelector('tbody button'), 'the list');
      el.shadowRoot!.querySelector<HTMLButtonElement>('tbody button')!.click();
      await until(() => el.shadowRoot!.querySelector('section tbody tr'), 'the log');
      const cells = el.shadowRoot!.querySelectorAll('section tbody td');
      expect(cells[4]!.textContent).to.equal(el.i18n.date('2026-11-26T01:00:30Z'));
    } finally {
      fake.restore();
    }
  });
});
