import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSite } from '../../domain/sites.js';
import { backends, problemOf } from '../../test-support.js';
import { adminApp, PASSWORD } from './test-helpers.js';

for (const backend of backends) {
  describe(`admin roles, bans and settings (${backend.name})`, () => {
    test('a moderator sees and touches only their own sites', async () => {
      const t = await adminApp(backend, { settings: { moderation: 'all' } });
      await t.storage.createSite(
        buildSite(
          {
            id: 'other',
            origins: ['https://other.example'],
            settings: { moderation: 'all', rateLimitPerMinute: 0, rateLimitPerHour: 0, requireFormToken: false },
          },
          Date.now(),
        ),
      );
      await t.app.admins.add({ email: 'mod@example.com', password: PASSWORD, role: 'moderator', sites: ['demo'] });
      const mod = await t.signIn('mod@example.com');
      const mine = await t.post('p1', 'on demo');
      const res = await t.app.request('/api/v1/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://other.example' },
        body: JSON.stringify({ site: 'other', page: 'x', body: 'on other' }),
      });
      const theirs = ((await res.json()) as { comment: { id: string } }).comment;

      const queue = await mod.json<{ comments: { id: string }[] }>('GET', '/api/admin/queue');
      assert.deepEqual(
        queue.comments.map((c) => c.id),
        [mine.comment.id],
      );
      const ownerQueue = await t.owner.json<{ comments: { id: string }[] }>('GET', '/api/admin/queue');
      assert.equal(ownerQueue.comments.length, 2, 'the owner sees every site');
      assert.equal((await mod.json<{ comments: unknown[] }>('GET', '/api/admin/queue?site=other')).comments.length, 0);
      assert.equal((await mod.json<{ comments: unknown[] }>('GET', '/api/admin/comments?q=other')).comments.length, 0);
      const sites = await mod.json<{ sites: { id: string }[] }>('GET', '/api/admin/sites');
      assert.deepEqual(
        sites.sites.map((s) => s.id),
        ['demo'],
      );
      for (const [method, path, body] of [
        ['GET', `/api/admin/comments/${theirs.id}`, undefined],
        ['POST', `/api/admin/comments/${theirs.id}/approve`, undefined],
        ['POST', `/api/admin/comments/${theirs.id}/spam`, undefined],
        ['PATCH', `/api/admin/comments/${theirs.id}`, { body: 'x' }],
        ['DELETE', `/api/admin/comments/${theirs.id}`, undefined],
        ['POST', `/api/admin/comments/${theirs.id}/reply`, { body: 'x' }],
        ['GET', '/api/admin/thread?site=other&page=x', undefined],
        ['GET', '/api/admin/sites/other', undefined],
        ['POST', '/api/admin/pages/lock', { site: 'other', page: 'x' }],
        ['POST', '/api/admin/bans', { site: 'other', kind: 'ip', commentId: theirs.id }],
      ] as const) {
        const r = await mod.req(method, path, body);
        assert.equal(r.status, 404, `${method} ${path}`);
      }
      const bulk = await mod.json<{ results: { ok: boolean; code?: string }[] }>('POST', '/api/admin/comments/bulk', {
        action: 'approve',
        ids: [theirs.id],
      });
      assert.deepEqual(bulk.results, [{ id: theirs.id, ok: false, code: 'comment-not-found' }]);
      const still = await t.owner.json<{ comment: { status: string; body: string } }>('GET', `/api/admin/comments/${theirs.id}`);
      assert.equal(still.comment.status, 'pending');
      assert.equal(still.comment.body, 'on other');
      // Their own site works, but settings are for owners.
      await mod.json('POST', `/api/admin/comments/${mine.comment.id}/approve`);
      const settings = await mod.req('PATCH', '/api/admin/sites/demo', { settings: { moderation: 'none' } });
      assert.equal(settings.status, 403);
      assert.equal((await problemOf(settings)).code, 'forbidden');
      const global = await mod.req('POST', '/api/admin/bans', { site: null, kind: 'ip', commentId: mine.comment.id });
      assert.equal(global.status, 403);
      const audit = await mod.json<{ entries: { site: string | null; action: string }[] }>('GET', '/api/admin/audit');
      assert.ok(audit.entries.length > 0);
      assert.ok(
        audit.entries.every((e) => e.site === 'demo'),
        'only their sites in the audit log',
      );
    });

    test('bans by e-mail, IP prefix and visitor refuse posts with a neutral 403 until they expire', async () => {
      let now = Date.now();
      const t = await adminApp(backend, { now: () => now });
      const { comment } = await t.post('p1', 'troll', { author: { name: 'T', email: 'troll@example.com' } });
      const byEmail = await t.owner.json<{ ban: { id: string; label: string; kind: string } }>(
        'POST',
        '/api/admin/bans',
        { site: 'demo', kind: 'email', commentId: comment.id, reason: 'abuse' },
        201,
      );
      assert.equal(byEmail.ban.label, 't…@example.com');
      t.setIp('198.51.100.9');
      const refused = await t.send('POST', '/api/v1/comments', {
        site: 'demo',
        page: 'p1',
        body: 'again',
        author: { email: 'TROLL@example.com' },
      });
      assert.equal(refused.status, 403);
      const problem = await problemOf(refused);
      assert.equal(problem.code, 'not-allowed');
      assert.doesNotMatch(problem.detail, /ban/i);
      await t.post('p1', 'someone else', { author: { email: 'fine@example.com' } });

      // IP prefix ban from the comment's ipHash, for one hour.
      t.setIp('203.0.113.7');
      const { comment: c2 } = await t.post('p2', 'from the bad prefix');
      const expiresAt = new Date(now + 3600_000).toISOString();
      const ipBan = await t.owner.json<{ ban: { id: string } }>(
        'POST',
        '/api/admin/bans',
        { site: null, kind: 'ip', commentId: c2.id, expiresAt },
        201,
      );
      t.setIp('203.0.113.200'); // same /24
      const sameNet = await t.send('POST', '/api/v1/comments', { site: 'demo', page: 'p2', body: 'x' });
      assert.equal(sameNet.status, 403);
      assert.equal((await problemOf(sameNet)).detail, problem.detail, 'the same words for every kind');
      now += 3600_000 + 1000;
      await t.post('p2', 'the ban expired'); // session idle limit is not involved: the API is public
      const list = await t.owner.req('GET', '/api/admin/bans');
      assert.equal(list.status, 401, 'the owner session went idle meanwhile');
      const owner = await t.signIn('owner@example.com');
      const bans = await owner.json<{ bans: { id: string }[] }>('GET', '/api/admin/bans');
      assert.deepEqual(
        bans.bans.map((b) => b.id),
        [byEmail.ban.id],
        'expired bans are not listed',
      );
      assert.ok(ipBan.ban.id);

      // Visitor ban by hash value; then lifted.
      const { prefixHash } = await import('../../domain/identity.js');
      t.setIp('192.0.2.50');
      const visitor = prefixHash(await t.storage.secret(), 'vote', '192.0.2.50') as string;
      const vBan = await owner.json<{ ban: { id: string } }>(
        'POST',
        '/api/admin/bans',
        { site: 'demo', kind: 'visitor', value: visitor },
        201,
      );
      assert.equal((await t.send('POST', '/api/v1/comments', { site: 'demo', page: 'p3', body: 'x' })).status, 403);
      assert.equal((await owner.req('DELETE', `/api/admin/bans/${vBan.ban.id}`)).status, 204);
      await t.post('p3', 'allowed again');
      assert.equal((await owner.req('DELETE', `/api/admin/bans/${vBan.ban.id}`)).status, 404);

      const bad = await owner.req('POST', '/api/admin/bans', { site: 'demo', kind: 'email', value: 'not an address' });
      assert.equal(bad.status, 422);
      const past = await owner.req('POST', '/api/admin/bans', {
        site: 'demo',
        kind: 'email',
        value: 'a@example.com',
        expiresAt: new Date(now - 1000).toISOString(),
      });
      assert.equal(past.status, 422);
      const log = await owner.json<{ entries: { action: string }[] }>('GET', '/api/admin/audit');
      assert.ok(log.entries.some((e) => e.action === 'ban.remove'));
    });

    test('site settings: read with defaults, update with validation from the spec, all or nothing', async () => {
      const t = await adminApp(backend);
      const spec = await t.owner.json<{ settings: { key: string; cli: string; type: string }[] }>(
        'GET',
        '/api/admin/settings-spec',
      );
      assert.ok(spec.settings.some((s) => s.key === 'autoCloseDays' && s.cli === 'auto-close-days' && s.type === 'integer'));
      const site = await t.owner.json<{ site: { origins: string[] }; settings: Record<string, unknown> }>(
        'GET',
        '/api/admin/sites/demo',
      );
      assert.equal(site.settings.moderation, 'none');
      assert.equal(site.settings.autoCloseDays, 0);
      const updated = await t.owner.json<{ site: { name: string; origins: string[] }; settings: Record<string, unknown> }>(
        'PATCH',
        '/api/admin/sites/demo',
        {
          name: 'Demo',
          origins: ['https://news.example.com', 'https://b.example/'],
          settings: { moderation: 'all', rateLimitPerMinute: 0, requireEmail: true },
        },
      );
      assert.deepEqual(updated.site.origins, ['https://news.example.com', 'https://b.example']);
      assert.equal(updated.settings.moderation, 'all');
      const { comment } = await t.post('p1', 'now held', { author: { email: 'a@example.com' } });
      assert.equal(comment.status, 'pending');
      const bad = await t.owner.req('PATCH', '/api/admin/sites/demo', {
        settings: { moderation: 'some', colour: 'blue', maxDepth: 1000 },
      });
      assert.equal(bad.status, 422);
      const problem = await problemOf(bad);
      assert.deepEqual(problem.errors?.map((e) => e.path).sort(), [
        'settings.colour',
        'settings.maxDepth',
        'settings.moderation',
      ]);
      const after = await t.owner.json<{ settings: Record<string, unknown> }>('GET', '/api/admin/sites/demo');
      assert.equal(after.settings.moderation, 'all', 'nothing changed');
      assert.equal((await t.owner.req('GET', '/api/admin/sites/nope')).status, 404);
    });
  });
}
