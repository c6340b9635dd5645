import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WEBHOOKS_PER_SITE } from '../../domain/notify/notify-admin.js';
import { buildSite } from '../../domain/sites.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp, PASSWORD } from './test-helpers.js';

/** Admin API for webhooks (owners) and subscriptions (a site's moderators, masked addresses). */

interface Hook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

// Host names resolve through this table, so no test depends on the machine's DNS.
const DNS: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14'],
  'intranet.example.com': ['10.1.2.3', 'fd00::1'],
};
const lookup = async (host: string) => {
  const found = DNS[host];
  if (!found) throw new Error(`ENOTFOUND ${host}`);
  return found;
};

const notifyOn = { publicUrl: 'https://comments.example.org', notify: { mail: true }, webhookLookup: lookup };

for (const backend of backends) {
  describe(`admin webhooks and subscriptions (${backend.name})`, () => {
    test('an owner adds a webhook (secret shown once), lists it without the secret and deletes it', async () => {
      const t = await adminApp(backend, { app: notifyOn });
      const made = await t.owner.json<{ webhook: Hook; secret: string }>(
        'POST',
        '/api/admin/sites/demo/webhooks',
        { url: 'https://hooks.example.com/parley#frag', events: ['comment.deleted', 'comment.created', 'comment.created'] },
        201,
      );
      assert.match(made.secret, /^whsec_[A-Za-z0-9_-]{32}$/);
      assert.equal(made.webhook.url, 'https://hooks.example.com/parley');
      assert.deepEqual(made.webhook.events, ['comment.created', 'comment.deleted']);
      const listRes = await t.owner.req('GET', '/api/admin/sites/demo/webhooks');
      const text = await listRes.text();
      assert.equal(listRes.status, 200);
      assert.ok(!text.includes(made.secret), 'the list never shows the secret');
      assert.deepEqual(
        (JSON.parse(text) as { webhooks: Hook[] }).webhooks.map((h) => h.id),
        [made.webhook.id],
      );
      assert.deepEqual(await t.owner.json('GET', `/api/admin/sites/demo/webhooks/${made.webhook.id}/deliveries`), {
        deliveries: [],
      });
      assert.equal((await t.owner.req('DELETE', `/api/admin/sites/demo/webhooks/${made.webhook.id}`)).status, 204);
      const again = await t.owner.req('DELETE', `/api/admin/sites/demo/webhooks/${made.webhook.id}`);
      assert.equal(again.status, 404);
      assert.equal((await problemOf(again)).code, 'webhook-not-found');
      const log = await t.owner.req('GET', `/api/admin/sites/demo/webhooks/${made.webhook.id}/deliveries`);
      assert.equal((await problemOf(log)).code, 'webhook-not-found');
      const audit = await t.owner.json<{ entries: { action: string; detail: unknown }[] }>('GET', '/api/admin/audit');
      const actions = audit.entries.map((e) => e.action);
      assert.ok(actions.includes('webhook.create') && actions.includes('webhook.delete'), actions.join());
      // Moderators read the audit log; a receiver's path is often its credential, so only the origin is kept.
      const hooks = audit.entries.filter((e) => e.action.startsWith('webhook.'));
      assert.equal(hooks.length, 2);
      for (const e of hooks) assert.equal((e.detail as { url: string }).url, 'https://hooks.example.com/…');
    });

    test('bad webhook input is refused with stable codes and nothing is stored', async () => {
      const t = await adminApp(backend, { app: notifyOn });
      const cases: [unknown, number, string][] = [
        [{ url: 'ftp://hooks.example.com/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'javascript:alert(1)', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'not a url', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://127.0.0.1:8080/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://10.0.0.5/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://169.254.169.254/latest/meta-data', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://[::1]/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://[::ffff:127.0.0.1]/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://localhost:3000/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'http://api.localhost/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'https://intranet.example.com/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'https://nowhere.example.com/x', events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: `https://hooks.example.com/${'a'.repeat(2100)}`, events: ['comment.created'] }, 422, 'webhook-url-refused'],
        [{ url: 'https://hooks.example.com/x', events: [] }, 422, 'invalid-fields'],
        [{ url: 'https://hooks.example.com/x', events: ['comment.exploded'] }, 422, 'invalid-fields'],
        [{ url: 'https://hooks.example.com/x' }, 422, 'invalid-fields'],
        [{ url: 'https://hooks.example.com/x', events: ['comment.created'], secret: 'mine' }, 422, 'invalid-fields'],
      ];
      for (const [body, status, code] of cases) {
        const res = await t.owner.req('POST', '/api/admin/sites/demo/webhooks', body);
        assert.equal(res.status, status, JSON.stringify(body).slice(0, 80));
        assert.equal((await problemOf(res)).code, code, JSON.stringify(body).slice(0, 80));
      }
      const raw = await t.owner.req('POST', '/api/admin/sites/demo/webhooks', undefined, {
        'content-type': 'application/json',
      });
      assert.equal(raw.status, 422);
      const notJson = await t.app.request('/api/admin/sites/demo/webhooks', {
        method: 'POST',
        headers: {
          cookie: `parley_admin=${t.owner.cookie}`,
          'x-parley-csrf': t.owner.csrf,
          origin: 'http://localhost',
          'content-type': 'application/json',
        },
        body: '{"url":',
      });
      assert.equal((await problemOf(notJson)).code, 'malformed-json');
      const unknownSite = await t.owner.req('POST', '/api/admin/sites/nope/webhooks', {
        url: 'https://hooks.example.com/x',
        events: ['comment.created'],
      });
      assert.equal((await problemOf(unknownSite)).code, 'site-not-found');
      assert.deepEqual(await t.owner.json('GET', '/api/admin/sites/demo/webhooks'), { webhooks: [] });
    });

    test('PARLEY_WEBHOOK_ALLOW_PRIVATE lets a loopback receiver in', async () => {
      const t = await adminApp(backend, { app: { ...notifyOn, webhookAllowPrivate: true } });
      const made = await t.owner.json<{ webhook: Hook }>(
        'POST',
        '/api/admin/sites/demo/webhooks',
        { url: 'http://127.0.0.1:9/hook', events: ['comment.created'] },
        201,
      );
      assert.equal(made.webhook.url, 'http://127.0.0.1:9/hook');
    });

    test(`a site has at most ${WEBHOOKS_PER_SITE} webhooks`, async () => {
      const t = await adminApp(backend, { app: notifyOn });
      for (let i = 0; i < WEBHOOKS_PER_SITE; i++) {
        await t.owner.json(
          'POST',
          '/api/admin/sites/demo/webhooks',
          { url: `https://hooks.example.com/${i}`, events: ['comment.created'] },
          201,
        );
      }
      const over = await t.owner.req('POST', '/api/admin/sites/demo/webhooks', {
        url: 'https://hooks.example.com/one-more',
        events: ['comment.created'],
      });
      assert.equal(over.status, 409);
      assert.equal((await problemOf(over)).code, 'webhook-limit-reached');
      const list = await t.owner.json<{ webhooks: Hook[] }>('GET', '/api/admin/sites/demo/webhooks');
      assert.equal(list.webhooks.length, WEBHOOKS_PER_SITE);
    });

    test('moderators may not manage webhooks; they see and remove only their sites’ subscriptions, masked', async () => {
      const t = await adminApp(backend, { app: notifyOn });
      await t.storage.createSite(
        buildSite(
          { id: 'other', origins: ['https://other.example'], settings: { rateLimitPerMinute: 0, rateLimitPerHour: 0 } },
          Date.now(),
        ),
      );
      await t.app.admins.add({ email: 'mod@example.com', password: PASSWORD, role: 'moderator', sites: ['demo'] });
      const mod = await t.signIn('mod@example.com');
      const hook = await t.owner.json<{ webhook: Hook }>(
        'POST',
        '/api/admin/sites/demo/webhooks',
        { url: 'https://hooks.example.com/x', events: ['comment.created'] },
        201,
      );
      for (const [method, path, body] of [
        ['GET', '/api/admin/sites/demo/webhooks', undefined],
        ['POST', '/api/admin/sites/demo/webhooks', { url: 'https://hooks.example.com/y', events: ['comment.created'] }],
        ['DELETE', `/api/admin/sites/demo/webhooks/${hook.webhook.id}`, undefined],
        ['GET', `/api/admin/sites/demo/webhooks/${hook.webhook.id}/deliveries`, undefined],
      ] as const) {
        const r = await mod.req(method, path, body);
        assert.equal(r.status, 403, `${method} ${path}`);
        assert.equal((await problemOf(r)).code, 'forbidden');
      }
      for (const path of ['/api/admin/sites/other/webhooks', '/api/admin/sites/other/subscriptions']) {
        const r = await mod.req('GET', path);
        assert.equal((await problemOf(r)).code, 'site-not-found', path);
      }

      // A thread follower and a reply subscriber on demo, a follower on another page.
      assert.equal(
        (await t.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/a', email: 'Reader.One@Example.ORG' })).status,
        202,
      );
      assert.equal(
        (await t.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/b', email: 'zed@example.net' })).status,
        202,
      );
      const posted = await t.post('/a', 'hello', { author: { name: 'Ann', email: 'ann.author@example.com' }, notify: true });

      const res = await mod.req('GET', '/api/admin/sites/demo/subscriptions');
      const text = await res.text();
      for (const raw of ['reader.one@example.org', 'zed@example.net', 'ann.author@example.com', 'ann.author', 'reader.one']) {
        assert.ok(!text.toLowerCase().includes(raw), `${raw} leaked: ${text}`);
      }
      const all = JSON.parse(text) as {
        subscriptions: { id: string; kind: string; target: string; pageKey: string; email: string; confirmed: boolean }[];
      };
      assert.deepEqual(all.subscriptions.map((s) => [s.kind, s.pageKey, s.email, s.confirmed]).sort(), [
        ['replies', '/a', 'a…@example.com', false],
        ['thread', '/a', 'r…@example.org', false],
        ['thread', '/b', 'z…@example.net', false],
      ]);
      assert.equal(all.subscriptions.find((s) => s.kind === 'replies')?.target, posted.comment.id);

      const onA = await mod.json<{ subscriptions: { id: string; kind: string }[] }>(
        'GET',
        '/api/admin/sites/demo/subscriptions?page=%2Fa',
      );
      assert.deepEqual(onA.subscriptions.map((s) => s.kind).sort(), ['replies', 'thread']);

      // Pages of one: the cursor walks all three, newest first, without repeats.
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const p: { subscriptions: { id: string }[]; nextCursor: string | null } = await mod.json(
          'GET',
          `/api/admin/sites/demo/subscriptions?limit=1${q}`,
        );
        seen.push(...p.subscriptions.map((s) => s.id));
        cursor = p.nextCursor;
      }
      assert.deepEqual(seen.sort(), all.subscriptions.map((s) => s.id).sort());

      const bad = await mod.req('GET', '/api/admin/sites/demo/subscriptions?limit=0');
      assert.equal((await problemOf(bad)).code, 'invalid-fields');
      const badCursor = await mod.req('GET', '/api/admin/sites/demo/subscriptions?cursor=%%%');
      assert.equal((await problemOf(badCursor)).code, 'bad-request');

      const victim = onA.subscriptions.find((s) => s.kind === 'thread')?.id ?? '';
      const elsewhere = await t.owner.req('DELETE', `/api/admin/sites/other/subscriptions/${victim}`);
      assert.equal((await problemOf(elsewhere)).code, 'subscription-not-found', 'an id of another site is not found there');
      assert.equal((await mod.req('DELETE', `/api/admin/sites/demo/subscriptions/${victim}`)).status, 204);
      const gone = await mod.req('DELETE', `/api/admin/sites/demo/subscriptions/${victim}`);
      assert.equal(gone.status, 404);
      assert.equal((await problemOf(gone)).code, 'subscription-not-found');
      const after = await mod.json<{ subscriptions: { id: string }[] }>('GET', '/api/admin/sites/demo/subscriptions');
      assert.equal(after.subscriptions.length, 2);
      assert.ok(!after.subscriptions.some((s) => s.id === victim));
    });
  });
}
