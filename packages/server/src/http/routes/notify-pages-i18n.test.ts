import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../../test-support.js';
import { linkIn, local, notifyStack, PUBLIC } from '../../testing/notify-stack.js';

/**
 * The pages behind mail links speak the reader's language: the one stored with the address the
 * mail went to, else the browser's Accept-Language, else English; every value from a site, a page
 * or a commenter is escaped, and the pages keep their security headers.
 */

const backend = backends[0]!;

/** A reader who asked for reply mails in `locale` (held until confirmed), and their confirmation mail's links. */
async function readerStack(locale: string, settings = {}) {
  const s = await notifyStack(backend, settings);
  await s.post('/a', 'first', { author: { name: 'Alice', email: 'alice@example.org' }, notify: true, locale, title: 'Page A' });
  await s.drain();
  const mail = s.sink.to('alice@example.org')[0];
  assert.ok(mail);
  const confirm = local(linkIn(mail.parsed.text, `${PUBLIC}/notify/confirm`));
  const forget = local(linkIn(mail.parsed.text, `${PUBLIC}/notify/unsubscribe`));
  return { s, confirm, forget };
}

const lang = (html: string) => /<html lang="([^"]+)" dir="(ltr|rtl)">/.exec(html)?.slice(1);

describe('mail-link pages in the reader’s language', () => {
  test('confirm: the stored language wins over Accept-Language, with <html lang> and the site named', async () => {
    const { s, confirm } = await readerStack('de-AT');
    const ask = await s.app.request(confirm, { headers: { 'accept-language': 'fr' } });
    assert.equal(ask.status, 200);
    const html = await ask.text();
    assert.deepEqual(lang(html), ['de', 'ltr']);
    assert.match(html, /<h1>E-Mails bestätigen<\/h1><p>E-Mails zu Kommentaren auf demo<\/p>/);
    assert.match(html, /<button type="submit">Bestätigen<\/button>/);
    assert.equal(ask.headers.get('vary'), 'accept-language');
    const done = await s.app.request(confirm, { method: 'POST', headers: { 'accept-language': 'fr' } });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Bestätigt\. Sie erhalten E-Mails über neue Kommentare\./);
  });

  test('confirm: a link whose address is gone goes by Accept-Language (zh-TW → Traditional Chinese)', async () => {
    const { s, confirm, forget } = await readerStack('de');
    assert.equal((await s.app.request(forget, { method: 'POST' })).status, 200);
    const headers = { 'accept-language': 'xx, zh-TW;q=0.9, en;q=0.5' };
    const ask = await s.app.request(confirm, { headers });
    const html = await ask.text();
    assert.deepEqual(lang(html), ['zh-Hant', 'ltr']);
    assert.match(html, /<h1>確認電子郵件通知<\/h1><p>確認這個地址要接收所訂閱的電子郵件嗎？<\/p>/);
    const gone = await s.app.request(confirm, { method: 'POST', headers });
    assert.equal(gone.status, 404);
    const page = await gone.text();
    assert.match(page, /<h1>連結無效<\/h1><p>這個連結無效或已過期。<\/p>/);
    assert.doesNotMatch(page, /demo/, 'the site of a gone address is not named');
  });

  test('unsubscribe: the stored language, read before the record is deleted; a moderator’s mute link goes by Accept-Language and names the site', async () => {
    const { s, forget } = await readerStack('pt-BR', { moderation: 'links' });
    const ask = await (await s.app.request(forget, { headers: { 'accept-language': 'ru' } })).text();
    assert.deepEqual(lang(ask), ['pt', 'ltr']);
    assert.match(ask, /<h1>Cancelar inscrição<\/h1>.*<p>Parar de receber estes e-mails\?<\/p>/);
    const done = await s.app.request(forget, { method: 'POST', headers: { 'accept-language': 'ru' } });
    assert.match(await done.text(), /Pronto\. Você não receberá mais estes e-mails\./);

    await s.post('/a', 'held: https://example.net/x', { author: { name: 'Bob' } });
    await s.drain();
    const mute = local(linkIn(s.sink.to('mod@example.org')[0]?.parsed.text, `${PUBLIC}/notify/unsubscribe`));
    const muteAsk = await (await s.app.request(mute, { headers: { 'accept-language': 'uk-UA,uk;q=0.9' } })).text();
    assert.deepEqual(lang(muteAsk), ['uk', 'ltr']);
    // The language comes from the browser, the site from the link's flag.
    assert.match(muteAsk, /<h1>Відписка<\/h1><p>Листи про коментарі на demo<\/p><p>Більше не надсилати ці листи\?<\/p>/);
    const muted = await s.app.request(mute, { method: 'POST', headers: { 'accept-language': 'uk' } });
    assert.match(await muted.text(), /Готово\. Ці листи більше не надходитимуть\./);
  });

  test('moderate: by Accept-Language (moderators have no stored language), with the page’s title', async () => {
    const s = await notifyStack(backend, { moderation: 'links' });
    await s.post('/a', 'see https://example.net/one', { author: { name: 'Ann' }, title: 'Seite A' });
    await s.drain();
    const text = s.sink.to('mod@example.org')[0]?.parsed.text;
    const approve = local(linkIn(text, `${PUBLIC}/notify/moderate?action=approve`));
    const reject = local(linkIn(text, `${PUBLIC}/notify/moderate?action=reject`));
    const ask = await (await s.app.request(approve, { headers: { 'accept-language': 'ja,en;q=0.5' } })).text();
    assert.deepEqual(lang(ask), ['ja', 'ltr']);
    assert.match(ask, /<h1>コメントのモデレーション<\/h1><p>Ann さんが Seite A に書き込みました:<\/p>/);
    assert.match(ask, /<button type="submit">承認する<\/button>/);
    const rejectAsk = await (await s.app.request(reject, { headers: { 'accept-language': 'nl' } })).text();
    assert.match(rejectAsk, /<p>Ann schreef bij Seite A:<\/p>.*<button type="submit">Afwijzen<\/button>/);
    const done = await s.app.request(approve, { method: 'POST', headers: { 'accept-language': 'ja' } });
    assert.match(await done.text(), /承認しました。コメントが表示されるようになりました。/);
    const again = await s.app.request(approve, { headers: { 'accept-language': 'es' } });
    assert.equal(again.status, 404);
    assert.match(await again.text(), /<h1>Enlace no válido<\/h1><p>Este comentario ya no está pendiente de moderación\.<\/p>/);
  });

  test('Arabic and Hebrew readers get their words and a page that runs right to left, as their mails do', async () => {
    const { s, confirm, forget } = await readerStack('ar-EG');
    const mail = s.sink.to('alice@example.org')[0];
    assert.match(String(mail?.parsed.html), /<html lang="ar" dir="rtl">/);
    const ask = await (await s.app.request(confirm, { headers: { 'accept-language': 'en' } })).text();
    assert.deepEqual(lang(ask), ['ar', 'rtl']);
    assert.match(ask, /<h1>تأكيد رسائل البريد<\/h1><p>رسائل البريد عن التعليقات في demo<\/p>/);
    assert.match(ask, /<button type="submit">تأكيد<\/button>/);
    // The address gone, the browser's language decides: Hebrew, right to left too.
    assert.equal((await s.app.request(forget, { method: 'POST' })).status, 200);
    const gone = await s.app.request(confirm, { method: 'POST', headers: { 'accept-language': 'he-IL,he;q=0.9' } });
    assert.equal(gone.status, 404);
    const page = await gone.text();
    assert.deepEqual(lang(page), ['he', 'rtl']);
    assert.match(page, /<h1>קישור לא תקף<\/h1><p>הקישור הזה לא תקף או שפג תוקפו\.<\/p>/);
  });

  test('fallback: no stored address and no language with a table → English', async () => {
    const s = await notifyStack(backend);
    const cases: Record<string, string>[] = [
      {},
      { 'accept-language': 'tlh, xx-YY;q=0.8, *;q=0.5' },
      { 'accept-language': 'de;q=0, ;;,' },
    ];
    for (const headers of cases) {
      const res = await s.app.request('/notify/unsubscribe?t=forged', { headers });
      const html = await res.text();
      assert.deepEqual(lang(html), ['en', 'ltr'], JSON.stringify(headers));
      assert.match(html, /<h1>Unsubscribe<\/h1><p>Stop these e-mails\?<\/p>/);
      const gone = await s.app.request('/notify/confirm?t=forged', { method: 'POST', headers });
      assert.equal(gone.status, 404);
      assert.match(
        await gone.text(),
        /<html lang="en" dir="ltr">.*<h1>Link not valid<\/h1><p>This link is not valid or has expired\.<\/p>/,
      );
    }
  });

  test('a hostile site name, page title and author name are escaped; the address never shows; the security headers stay', async () => {
    const hostile = '<script>alert(1)</script>"\'&';
    const escaped = '&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#38;';
    const { s, confirm } = await readerStack('fr', { moderation: 'links' });
    const site = await s.storage.getSite('demo');
    assert.ok(site);
    await s.storage.updateSite({ ...site, name: `Blog ${hostile}` });
    const res = await s.app.request(confirm);
    const html = await res.text();
    assert.ok(html.includes(`<title>Confirmer les e-mails · Blog ${escaped}</title>`), html);
    assert.ok(html.includes(`<p>E-mails sur les commentaires de Blog ${escaped}</p>`), html);
    assert.doesNotMatch(html, /<script|alice@|example\.org/);
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/i);

    await s.post('/evil', `see https://example.net/ ${hostile}`, {
      author: { name: `Eve ${hostile}` },
      title: `Title ${hostile}`,
    });
    await s.drain();
    const approve = local(linkIn(s.sink.to('mod@example.org').at(-1)?.parsed.text, `${PUBLIC}/notify/moderate?action=approve`));
    const mod = await (await s.app.request(approve, { headers: { 'accept-language': 'it' } })).text();
    assert.ok(mod.includes(`<p>Eve ${escaped} ha scritto su Title ${escaped}:</p>`), mod);
    assert.ok(mod.includes(`<blockquote style="white-space:pre-wrap">see https://example.net/ ${escaped}</blockquote>`), mod);
    assert.doesNotMatch(mod, /<script/);
  });
});
