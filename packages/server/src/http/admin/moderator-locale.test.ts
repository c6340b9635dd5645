import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';
import { PASSWORD } from './test-helpers.js';

/**
 * Moderator mails speak each moderator's console language: the console stores it with
 * `PATCH /api/admin/me`, each moderator gets their own mail through the real SMTP server, and
 * the page behind a moderation link speaks the language of the moderator it was made for.
 */
for (const backend of backends) {
  describe(`moderator mail language on ${backend.name}`, () => {
    test('a German moderator gets a German held-comment mail and page, an English one English; a bad tag is a 400', async () => {
      process.env.PARLEY_SCRYPT_N ??= '1024';
      const s = await notifyStack(
        backend,
        { moderation: 'links' },
        { moderatorMail: 'each', moderators: ['greta@example.org', 'ed@example.org', 'list@example.org'] },
      );
      await s.app.admins.add({
        email: 'greta@example.org',
        password: PASSWORD,
        role: 'moderator',
        sites: ['demo'],
        name: 'Greta',
      });
      await s.app.admins.add({ email: 'ed@example.org', password: PASSWORD, role: 'owner', name: 'Ed' });

      const signIn = async (email: string) => {
        const login = await s.app.request('/api/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost' },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        assert.equal(login.status, 200);
        const cookie = /parley_admin=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        return (body: unknown) =>
          s.app.request('/api/admin/me', {
            method: 'PATCH',
            headers: {
              cookie: `parley_admin=${cookie}`,
              'x-parley-csrf': csrfToken,
              origin: 'http://localhost',
              'content-type': 'application/json',
            },
            body: JSON.stringify(body),
          });
      };
      const greta = await signIn('greta@example.org');
      for (const bad of ['not a tag', 'de-', '', 'x'.repeat(40), '<script>']) {
        const res = await greta({ locale: bad });
        assert.equal(res.status, 400, bad);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(((await res.json()) as { code: string }).code, 'invalid-locale');
      }
      const set = await greta({ locale: 'de_at' });
      assert.equal(set.status, 200);
      assert.equal(((await set.json()) as { admin: { locale: string } }).admin.locale, 'de-AT');
      const ed = await signIn('ed@example.org');
      assert.equal((await ed({ locale: 'en-GB' })).status, 200);

      const held = await s.post('/a', 'see <b>[this](https://example.net/x)</b>', {
        author: { name: 'Bob <i>&</i>', email: 'bob@example.net' },
        title: 'Page A',
      });
      assert.equal(held.comment.status, 'pending');
      await s.drain();

      const [de] = s.sink.to('greta@example.org');
      const [en] = s.sink.to('ed@example.org');
      const [list] = s.sink.to('list@example.org');
      assert.ok(de && en && list, 'one mail per moderator');
      assert.equal(s.sink.to('greta@example.org').length, 1);
      assert.equal(de.parsed.subject, 'Kommentar zu Page A wartet auf Freigabe');
      assert.match(de.parsed.text ?? '', /^Bob <i>&<\/i> zu Page A:/);
      assert.match(de.parsed.text ?? '', /\nFreigeben: https:/);
      assert.match(de.parsed.text ?? '', /Keine Moderations-E-Mails mehr für demo: https:/);
      assert.match(String(de.parsed.html), /<html lang="de" dir="ltr">/);
      assert.match(String(de.parsed.html), /<p>Bob &#60;i&#62;&#38;&#60;\/i&#62; zu Page A:<\/p>/);
      assert.doesNotMatch(String(de.parsed.html), /<b>|<i>/);
      for (const mail of [en, list]) {
        assert.equal(mail.parsed.subject, 'Comment awaiting moderation on Page A');
        assert.match(mail.parsed.text ?? '', /\nApprove: https:/);
        assert.match(String(mail.parsed.html), /<html lang="en" dir="ltr">/);
      }
      // No address leaves in a link, not even the moderator's own.
      for (const mail of [de, en, list]) {
        const token = new URL(linkIn(mail.parsed.text, `${PUBLIC}/notify/moderate`)).searchParams.get('t') ?? '';
        assert.doesNotMatch(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'), /@/);
      }

      // The page behind Greta's link is German whatever the browser asks; Ed's and the list's
      // follow the browser (Ed's names an account set to English).
      const page = async (mail: typeof de, acceptLanguage: string) => {
        const res = await s.app.request(local(linkIn(mail.parsed.text, `${PUBLIC}/notify/moderate`)), {
          headers: { 'accept-language': acceptLanguage },
        });
        assert.equal(res.status, 200);
        return res.text();
      };
      const dePage = await page(de, 'fr');
      assert.match(dePage, /<html lang="de"/);
      assert.match(dePage, /Kommentar moderieren/);
      assert.match(await page(en, 'fr'), /<html lang="en"/);
      assert.match(await page(list, 'fr'), /<html lang="fr"/);

      // Acting from Greta's link answers in German and approves.
      const acted = await s.app.request(local(linkIn(de.parsed.text, `${PUBLIC}/notify/moderate`)), { method: 'POST' });
      assert.equal(acted.status, 200);
      assert.match(await acted.text(), /<html lang="de"/);
      assert.equal((await s.storage.getComment(held.comment.id))?.status, 'approved');
    });
  });
}
