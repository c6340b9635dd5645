import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { notifyStorageOf } from '../../storage/notify-storage.js';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';
import { PASSWORD } from './test-helpers.js';

/**
 * What a moderator's console actions send: approving a held comment mails the subscribers it
 * had held back (through the outbox to a real SMTP server) and calls `comment.approved`
 * webhooks; a comment published once never mails them twice; a moderator's reply notifies the
 * parent's author like any reply.
 */

/** A loopback HTTP server that keeps the event types of the webhook calls it receives. */
async function webhookReceiver() {
  const events: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      events.push((JSON.parse(body) as { type: string }).type);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, events };
}

for (const backend of backends) {
  describe(`console moderation notifies on ${backend.name}`, () => {
    test('approve from the admin API: held-back reply mail and comment.approved go out; re-approval mails nobody twice', async () => {
      const s = await notifyStack(backend, { moderation: 'links' });
      const hook = await webhookReceiver();
      await notifyStorageOf(s.storage).createWebhook('demo', hook.url, ['comment.approved', 'comment.rejected'], Date.now());
      process.env.PARLEY_SCRYPT_N ??= '1024';
      await s.app.admins.add({ email: 'owner@example.com', password: PASSWORD, role: 'owner', name: 'Olive' });
      const login = await s.app.request('/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ email: 'owner@example.com', password: PASSWORD }),
      });
      assert.equal(login.status, 200);
      const cookie = /parley_admin=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const admin = (path: string, body?: unknown) =>
        s.app.request(`/api/admin${path}`, {
          method: 'POST',
          headers: {
            cookie: `parley_admin=${cookie}`,
            'x-parley-csrf': csrfToken,
            origin: 'http://localhost',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });

      const alice = { name: 'Alice', email: 'alice@example.org' };
      const parent = await s.post('/a', 'first', { author: alice, notify: true, title: 'Page A' });
      await s.drain();
      const [confirm] = s.sink.to('alice@example.org');
      assert.ok(confirm);
      const confirmed = await s.app.request(local(linkIn(confirm.parsed.text, `${PUBLIC}/notify/confirm`)), { method: 'POST' });
      assert.equal(confirmed.status, 200);

      // A link holds Bob's reply (mode `links`): Alice hears nothing yet.
      const held = await s.post('/a', 'see [this](https://example.net/x)', {
        parentId: parent.comment.id,
        author: { name: 'Bob' },
      });
      assert.equal(held.comment.status, 'pending');
      await s.drain();
      assert.equal(s.sink.to('alice@example.org').length, 1);

      const approved = await admin(`/comments/${held.comment.id}/approve`);
      assert.equal(approved.status, 200);
      // The mail and the webhook call were queued with the status change.
      assert.ok(((await s.outbox.outboxCounts()).pending ?? 0) >= 2);
      await s.drain();
      const mails = s.sink.to('alice@example.org');
      assert.equal(mails.length, 2);
      assert.match(mails[1]?.parsed.text ?? '', /Bob replied to your comment on Page A/);
      assert.deepEqual(hook.events, ['comment.approved']);

      // Rejected and approved again: the webhooks fire, the mail does not repeat.
      assert.equal((await admin(`/comments/${held.comment.id}/reject`)).status, 200);
      assert.equal((await admin(`/comments/${held.comment.id}/approve`)).status, 200);
      await s.drain();
      assert.equal(s.sink.to('alice@example.org').length, 2);
      assert.deepEqual(hook.events, ['comment.approved', 'comment.rejected', 'comment.approved']);

      // A moderator's reply reaches the parent's author like any reply.
      assert.equal((await admin(`/comments/${parent.comment.id}/reply`, { body: 'Thanks, Alice' })).status, 201);
      await s.drain();
      const last = s.sink.to('alice@example.org');
      assert.equal(last.length, 3);
      assert.match(last[2]?.parsed.text ?? '', /Olive replied to your comment on Page A/);
    });

    test('an edit that holds a published comment mails the moderators; their approve link republishes it without mailing followers again', async () => {
      const s = await notifyStack(backend, { moderation: 'links' });
      await s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/e', email: 'fan@example.org' });
      await s.drain();
      await s.app.request(local(linkIn(s.sink.to('fan@example.org')[0]?.parsed.text, `${PUBLIC}/notify/confirm`)), {
        method: 'POST',
      });
      const posted = await s.post('/e', 'plain', { author: { name: 'Ada' }, title: 'E' });
      await s.drain();
      assert.equal(s.sink.to('fan@example.org').length, 2);
      assert.equal(s.sink.to('mod@example.org').length, 0);

      const edit = await s.send(
        'PATCH',
        `/api/v1/comments/${posted.comment.id}`,
        { body: 'now see https://example.net/' },
        { authorization: `Bearer ${posted.editToken}` },
      );
      assert.equal(edit.status, 200);
      await s.drain();
      const [held, ...more] = s.sink.to('mod@example.org');
      assert.ok(held);
      assert.equal(more.length, 0);
      assert.equal(held.parsed.subject, 'Comment awaiting moderation on E');
      // Edited again while held: the moderators were told already.
      const again = await s.send(
        'PATCH',
        `/api/v1/comments/${posted.comment.id}`,
        { body: 'now see https://example.net/ and https://example.org/' },
        { authorization: `Bearer ${posted.editToken}` },
      );
      assert.equal(again.status, 200);
      await s.drain();
      assert.equal(s.sink.to('mod@example.org').length, 1);

      const approve = linkIn(held.parsed.text, `${PUBLIC}/notify/moderate?action=approve`);
      assert.equal((await s.app.request(local(approve), { method: 'POST' })).status, 200);
      assert.equal((await s.list('/e')).comments[0]?.body, 'now see https://example.net/ and https://example.org/');
      await s.drain();
      assert.equal(s.sink.to('fan@example.org').length, 2);
    });

    test('bulk approve sends each held comment’s mail once; a flagged comment approved again sends none', async () => {
      const s = await notifyStack(backend, { moderation: 'all', flagThreshold: 1 });
      await s.send('POST', '/api/v1/subscriptions', { site: 'demo', page: '/t', email: 'fan@example.org' });
      await s.drain();
      await s.app.request(local(linkIn(s.sink.to('fan@example.org')[0]?.parsed.text, `${PUBLIC}/notify/confirm`)), {
        method: 'POST',
      });
      const one = await s.post('/t', 'one', { author: { name: 'Dana' }, title: 'T' });
      const two = await s.post('/t', 'two', { author: { name: 'Eve' }, title: 'T' });
      await s.drain();
      assert.equal(s.sink.to('fan@example.org').length, 1);
      const actor = { id: null, email: 'system', name: 'system', role: 'system' as const, sites: [] };
      const results = await s.app.moderation.bulk(actor, 'approve', [one.comment.id, two.comment.id, one.comment.id]);
      assert.deepEqual(
        results.map((r) => r.ok),
        [true, true],
      );
      await s.drain();
      const fan = s.sink.to('fan@example.org');
      assert.equal(fan.length, 3);
      assert.deepEqual(
        fan
          .slice(1)
          .map((m) => /(Dana|Eve) commented/.exec(m.parsed.text ?? '')?.[1])
          .sort(),
        ['Dana', 'Eve'],
      );

      // One reader's flag sends it back to the queue; approving it again mails nobody.
      assert.equal((await s.send('POST', `/api/v1/comments/${one.comment.id}/flag`, {})).status, 204);
      assert.equal((await s.app.moderation.comment(actor, one.comment.id)).status, 'pending');
      await s.app.moderation.approve(actor, one.comment.id);
      await s.drain();
      assert.equal(s.sink.to('fan@example.org').length, 3);
    });
  });
}
