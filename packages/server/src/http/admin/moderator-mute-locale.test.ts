import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LinkSigner } from '../../domain/notify/links.js';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';
import { adminSignIn, PASSWORD } from './test-helpers.js';

/**
 * The moderator's mute (unsubscribe) page speaks the console language of the moderator the mail
 * was made for: the mute link names their administrator account (its id, never an address).
 * Links without an account, and links made before they named one, go by Accept-Language; every
 * mute page names the site its flag belongs to.
 */
for (const backend of backends) {
  describe(`moderator mute page language on ${backend.name}`, () => {
    test("a German moderator's mute page is German whatever the browser asks; others and old links follow the browser and all name the site", async () => {
      process.env.PARLEY_SCRYPT_N ??= '1024';
      const s = await notifyStack(
        backend,
        { moderation: 'all' },
        { moderatorMail: 'each', moderators: ['greta@example.org', 'ed@example.org', 'list@example.org'] },
      );
      await s.app.admins.add({ email: 'greta@example.org', password: PASSWORD, role: 'moderator', sites: ['demo'], name: 'G' });
      // Ed has an account that never sent a language.
      await s.app.admins.add({ email: 'ed@example.org', password: PASSWORD, role: 'owner', name: 'Ed' });
      await (await adminSignIn(s.app, 'greta@example.org')).json('PATCH', '/api/admin/me', { locale: 'de' });

      await s.post('/a', 'first held', { author: { name: 'Bob' }, title: 'Page A' });
      await s.drain();
      const muteLink = (to: string) => local(linkIn(s.sink.to(to)[0]?.parsed.text, `${PUBLIC}/notify/unsubscribe`));
      const [greta, ed, list] = ['greta@example.org', 'ed@example.org', 'list@example.org'].map(muteLink);
      assert.ok(greta && ed && list);
      // No address in any token, not even the moderator's own.
      for (const link of [greta, ed, list]) {
        const token = new URL(link, PUBLIC).searchParams.get('t') ?? '';
        assert.doesNotMatch(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'), /@/);
      }

      const lang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
      const ask = async (link: string) => (await s.app.request(link, { headers: { 'accept-language': 'fr' } })).text();
      const gretaAsk = await ask(greta);
      assert.equal(lang(gretaAsk), 'de');
      assert.match(
        gretaAsk,
        /<h1>Abmelden<\/h1><p>E-Mails zu Kommentaren auf demo<\/p><p>Diese E-Mails nicht mehr erhalten\?<\/p>/,
      );
      // Without a known language the page follows the browser, but still names the site.
      const frenchSite = /<h1>Se désabonner<\/h1><p>E-mails sur les commentaires de demo<\/p>/;
      for (const link of [ed, list]) {
        const html = await ask(link);
        assert.equal(lang(html), 'fr');
        assert.match(html, frenchSite);
      }

      // A link signed before links named accounts: the flag alone. It still mutes, by Accept-Language.
      const data = (link: string) => {
        const token = new URL(link, PUBLIC).searchParams.get('t') ?? '';
        return (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as [string, string, number])[1];
      };
      const [flag, named] = data(greta).split(' ');
      assert.ok(flag && named, 'the link names the account');
      const old = `/notify/unsubscribe?t=${new LinkSigner(await s.storage.secret()).sign('mute', flag)}`;
      const oldAsk = await ask(old);
      assert.equal(lang(oldAsk), 'fr');
      assert.match(oldAsk, frenchSite, 'an old link still names the site');

      // Acting from Greta's link answers in German and mutes her, and only her.
      const done = await s.app.request(greta, { method: 'POST', headers: { 'accept-language': 'fr' } });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /<html lang="de"[\s\S]*Erledigt\. Sie erhalten diese E-Mails nicht mehr\./);
      const oldDone = await s.app.request(old, { method: 'POST', headers: { 'accept-language': 'fr' } });
      assert.equal(oldDone.status, 200);
      assert.equal(lang(await oldDone.text()), 'fr');
      await s.post('/a', 'second held', { author: { name: 'Bob' }, title: 'Page A' });
      await s.drain();
      assert.equal(s.sink.to('greta@example.org').length, 1, 'muted: no second mail');
      assert.equal(s.sink.to('ed@example.org').length, 2);
      assert.equal(s.sink.to('list@example.org').length, 2);
    });
  });
}
