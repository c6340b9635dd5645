import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LinkSigner } from '../../domain/notify/links.js';
import { withAccount } from '../../domain/notify/mail-planner.js';
import { buildSite } from '../../domain/sites.js';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';

/**
 * Moderator mails and their links respect the accounts behind the addresses: an address whose
 * account moderates other sites only gets no mail about this one, a link acts as the account it
 * names and dies with it (removed, or not allowed on the comment's site), and every decision made
 * through a link is in the audit log with who made it.
 */

process.env.PARLEY_SCRYPT_N ??= '1024';
const PASSWORD = 'correct horse battery';

async function stack(backend: (typeof backends)[number]) {
  const s = await notifyStack(
    backend,
    { moderation: 'all' },
    { moderatorMail: 'each', moderators: ['mia@example.org', 'greta@example.org', 'list@example.org'] },
  );
  await s.storage.createSite(buildSite({ id: 'other', origins: ['https://other.example'] }, Date.now()));
  const mia = await s.app.admins.add({ email: 'mia@example.org', password: PASSWORD, role: 'moderator', sites: ['other'] });
  const greta = await s.app.admins.add({ email: 'greta@example.org', password: PASSWORD, role: 'moderator', sites: ['demo'] });
  /** An approve or reject link for `commentId` naming `adminId`, signed as moderator mails sign them. */
  const linkFor = async (action: 'approve' | 'reject', commentId: string, adminId: string) => {
    const token = new LinkSigner(await s.storage.secret()).sign(action, withAccount(commentId, adminId), Date.now() + 3_600_000);
    return `/notify/moderate?action=${action}&t=${encodeURIComponent(token)}`;
  };
  const audit = async (commentId: string) =>
    (await s.app.moderation.mod.listAudit(undefined, 50)).filter((e) => e.target === commentId);
  return { ...s, mia, greta, linkFor, audit };
}

for (const backend of backends) {
  describe(`moderator mails and links by account (${backend.name})`, () => {
    test("an address whose account moderates another site gets no mail about this site's held comments", async () => {
      const s = await stack(backend);
      await s.post('/secret', 'private text on demo', { author: { name: 'Bob' }, title: 'Demo only' });
      await s.drain();
      assert.deepEqual(s.sink.to('mia@example.org'), [], 'Mia moderates "other" only');
      assert.equal(s.sink.to('greta@example.org').length, 1, 'Greta moderates demo');
      assert.equal(s.sink.to('list@example.org').length, 1, 'a plain address (no account) gets every site');
    });

    test('a link naming an account that may not moderate the comment’s site is a dead link, and nothing is done', async () => {
      const s = await stack(backend);
      const held = await s.post('/secret', 'private text on demo', { author: { name: 'Bob' }, title: 'Demo only' });
      // As mailed to Mia before moderator mails checked accounts.
      const link = await s.linkFor('approve', held.comment.id, s.mia.id);
      const page = await s.app.request(link);
      assert.equal(page.status, 404);
      const html = await page.text();
      assert.match(html, /This link is not valid or has expired/);
      assert.doesNotMatch(html, /private text on demo/);
      const post = await s.app.request(link, { method: 'POST' });
      assert.equal(post.status, 404);
      assert.match(await post.text(), /This link is not valid or has expired/);
      assert.deepEqual((await s.list('/secret')).comments, [], 'still held');
      assert.equal((await s.storage.getComment(held.comment.id))?.status, 'pending');
      assert.deepEqual(await s.audit(held.comment.id), []);
    });

    test('the links of a removed account stop working; the account approving before is audited as itself', async () => {
      const s = await stack(backend);
      const first = await s.post('/a', 'first held comment', { author: { name: 'Bob' }, title: 'A' });
      await s.drain();
      const [mail] = s.sink.to('greta@example.org');
      const approve = local(linkIn(mail?.parsed.text, `${PUBLIC}/notify/moderate?action=approve`));
      const done = await s.app.request(approve, { method: 'POST' });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /Approved/);
      const [entry, ...more] = await s.audit(first.comment.id);
      assert.deepEqual(more, []);
      assert.equal(entry?.action, 'comment.approve');
      assert.equal(entry?.siteId, 'demo');
      assert.deepEqual([entry?.actorId, entry?.actorEmail], [s.greta.id, 'greta@example.org']);
      assert.deepEqual(entry?.detail, { from: 'pending', page: '/a', via: 'mail-link' });

      const second = await s.post('/a', 'second held comment', { author: { name: 'Bob' }, title: 'A' });
      await s.drain();
      const reject = local(linkIn(s.sink.to('greta@example.org')[1]?.parsed.text, `${PUBLIC}/notify/moderate?action=reject`));
      await s.app.admins.remove('greta@example.org');
      for (const method of ['GET', 'POST']) {
        const res = await s.app.request(reject, { method });
        assert.equal(res.status, 404, method);
        assert.match(await res.text(), /This link is not valid or has expired/);
      }
      assert.equal((await s.storage.getComment(second.comment.id))?.status, 'pending');
      assert.deepEqual(await s.audit(second.comment.id), []);
    });

    test('a plain moderator address rejects through its link as the system, and the audit log says so', async () => {
      const s = await stack(backend);
      const held = await s.post('/b', 'held for the list', { author: { name: 'Bob' }, title: 'B' });
      await s.drain();
      const reject = local(linkIn(s.sink.to('list@example.org')[0]?.parsed.text, `${PUBLIC}/notify/moderate?action=reject`));
      const res = await s.app.request(reject, { method: 'POST' });
      assert.equal(res.status, 200);
      assert.equal((await s.storage.getComment(held.comment.id))?.status, 'rejected');
      const [entry, ...more] = await s.audit(held.comment.id);
      assert.deepEqual(more, []);
      assert.equal(entry?.action, 'comment.reject');
      assert.deepEqual([entry?.actorId, entry?.actorEmail, entry?.actorName], [null, 'system', 'system']);
      assert.deepEqual(entry?.detail, { from: 'pending', page: '/b', via: 'mail-link' });
    });
  });
}
