import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTermTablesComplete } from '../../testing/term-tables.js';
import { commentMail, confirmMail, moderationMail } from './mail-templates.js';
import { MAIL_LOCALES, mailLocale, mailTerms } from './mail-terms.js';
import { MODERATOR_LOCALES, moderatorTerms } from './moderator-terms.js';

const env = { from: 'noreply@example.com', to: 'reader@example.net', unsubscribeUrl: 'https://c.example/u/1' };

test('mailLocale gives Traditional Chinese to zh-Hant, zh-TW, zh-HK and zh-MO and Simplified to other Chinese tags', () => {
  for (const tag of ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-TW', 'zh-Hant-CN', 'zh_TW', 'ZH-hk'])
    assert.equal(mailLocale(tag), 'zh-Hant', tag);
  for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-TW', 'zh-Hans-HK']) assert.equal(mailLocale(tag), 'zh', tag);
});

test('mailLocale matches other tags by their language and falls back to English', () => {
  assert.equal(mailLocale('pt-BR'), 'pt');
  assert.equal(mailLocale('de_AT'), 'de');
  assert.equal(mailLocale('uk'), 'uk');
  assert.deepEqual(['ar-EG', 'ar', 'he-IL', 'HE'].map(mailLocale), ['ar', 'ar', 'he', 'he']);
  for (const tag of [undefined, '', 'xx', 'not a tag', '-']) assert.equal(mailLocale(tag), 'en', String(tag));
});

test('every mail table words every term, with the placeholders English has', () => {
  assert.equal(MAIL_LOCALES.length, 15);
  assertTermTablesComplete(MAIL_LOCALES, mailTerms);
});

test('every mail language has the moderator-mail terms, each translated, with the placeholders English has', () => {
  assert.deepEqual([...MODERATOR_LOCALES].sort(), [...MAIL_LOCALES].sort());
  assertTermTablesComplete(MAIL_LOCALES, moderatorTerms);
});

test('a digest to a zh-TW moderator is in Traditional Chinese; an unknown language gets English', () => {
  const held = (n: number) => ({
    page: { title: '文章', key: '/p', url: null },
    authorName: `讀者${n}`,
    body: '內容',
    approveUrl: `https://c.example/a/${n}`,
    rejectUrl: `https://c.example/r/${n}`,
  });
  const zh = moderationMail({ ...env, locale: 'zh-TW', siteName: 'Blog', held: [held(1), held(2)], hours: 72 });
  assert.equal(zh.subject, 'Blog 有 2 則留言等待審核');
  assert.match(zh.text, /核准: https:\/\/c\.example\/a\/1/);
  assert.match(zh.html, /<html lang="zh-Hant" dir="ltr">/);
  assert.doesNotMatch(zh.text + zh.html, /评论|审核邮件|通过/);
  const en = moderationMail({ ...env, locale: 'xx', siteName: 'Blog', held: [held(1), held(2)], hours: 72 });
  assert.equal(en.subject, '2 comments awaiting moderation on Blog');
  assert.match(en.html, /<html lang="en" dir="ltr">/);
});

test('a reply mail and a confirmation mail to a zh-TW reader are in Traditional Chinese', () => {
  const locale = mailLocale('zh-TW');
  const reply = commentMail({
    ...env,
    kind: 'replies',
    locale,
    page: { title: '部落格文章', key: '/post', url: 'https://blog.example/post' },
    authorName: 'Ada',
    body: '謝謝分享',
    commentId: 'c1',
  });
  assert.equal(reply.subject, '您在 部落格文章 的留言有新回覆');
  assert.match(reply.text, /^Ada 回覆了您在 部落格文章 的留言：/);
  assert.match(reply.html, /<html lang="zh-Hant" dir="ltr">/);
  assert.match(reply.html, />閱讀討論</);
  assert.doesNotMatch(reply.text + reply.html, /评论|回复|邮件/);
  const confirm = confirmMail({ ...env, locale, siteName: 'Blog', confirmUrl: 'https://c.example/confirm/1' });
  assert.equal(confirm.subject, '確認接收 Blog 的留言通知電子郵件');
  assert.match(confirm.text, /確認: https:\/\/c\.example\/confirm\/1/);
});

test('mails in Arabic and Hebrew run right to left, the quote’s bar on the right; other languages left to right', () => {
  const reply = (locale: string) =>
    commentMail({
      ...env,
      kind: 'replies',
      locale: mailLocale(locale),
      page: { title: 'مقال', key: '/post', url: 'https://blog.example/post' },
      authorName: 'Ada',
      body: 'شكرًا',
      commentId: 'c1',
    });
  const ar = reply('ar-EG');
  assert.equal(ar.subject, 'رد جديد على تعليقك في مقال');
  assert.match(ar.text, /^ردّ Ada على تعليقك في مقال:/);
  assert.match(ar.html, /<html lang="ar" dir="rtl">/);
  assert.match(ar.html, /<div dir="rtl">/);
  assert.match(ar.html, /<blockquote style="[^"]*border-right:3px solid #ccc;margin:0;padding-right:12px">شكرًا</);
  assert.doesNotMatch(ar.html, /border-left|padding-left/);
  const he = confirmMail({ ...env, locale: mailLocale('he-IL'), siteName: 'Blog', confirmUrl: 'https://c.example/confirm/1' });
  assert.equal(he.subject, 'אישור הודעות דוא״ל על תגובות ב־Blog');
  assert.match(he.html, /<html lang="he" dir="rtl">[\s\S]*<div dir="rtl">/);
  const mod = moderationMail({
    ...env,
    locale: 'ar',
    siteName: 'Blog',
    hours: 72,
    held: [1, 2].map((n) => ({
      page: { title: 'مقال', key: '/p', url: null },
      authorName: `قارئ ${n}`,
      body: 'نص',
      approveUrl: `https://c.example/a/${n}`,
      rejectUrl: `https://c.example/r/${n}`,
    })),
  });
  assert.equal(mod.subject, 'تعليقات بانتظار الإشراف في Blog: 2');
  assert.match(mod.html, /<html lang="ar" dir="rtl">[\s\S]*border-right:3px/);
  const de = reply('de');
  assert.match(
    de.html,
    /<html lang="de" dir="ltr">[\s\S]*<div dir="ltr">[\s\S]*border-left:3px solid #ccc;margin:0;padding-left:12px/,
  );
});
