import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTermTablesComplete } from '../../testing/term-tables.js';
import { MAIL_LOCALES } from './mail-terms.js';
import { acceptedLocale, PAGE_LOCALES, pageTerms, textDirection } from './page-terms.js';

test('every page table words every term, with the placeholders English has, in the mails’ languages', () => {
  assert.deepEqual([...PAGE_LOCALES].sort(), [...MAIL_LOCALES].sort());
  assert.equal(PAGE_LOCALES.length, 15);
  assertTermTablesComplete(PAGE_LOCALES, pageTerms);
});

test('Traditional Chinese pages use Taiwan wording, not Simplified characters', () => {
  const all = Object.values(pageTerms('zh-TW')).join('');
  assert.match(all, /留言/);
  assert.match(all, /電子郵件/);
  assert.doesNotMatch(all, /评论|邮件|链接|确认|审核/);
});

test('acceptedLocale: by weight, then order; q=0 and * skipped; matched by the mails’ tag rule', () => {
  assert.equal(acceptedLocale('fr;q=0.5, de;q=0.8'), 'de');
  assert.equal(acceptedLocale('fr, de'), 'fr');
  assert.equal(acceptedLocale('xx, pt-BR;q=0.7'), 'pt');
  assert.equal(acceptedLocale('zh-TW,zh;q=0.9'), 'zh-Hant');
  assert.equal(acceptedLocale('zh-CN, zh-TW;q=0.9'), 'zh');
  assert.equal(acceptedLocale('zh-HK'), 'zh-Hant');
  assert.equal(acceptedLocale('de;q=0, it'), 'it');
  assert.equal(acceptedLocale('DE-at'), 'de');
  assert.equal(acceptedLocale('es;q=abc, nl;q=0.1'), 'nl');
  for (const header of [undefined, '', '*', 'xx-YY', 'de;q=0', ',,;'])
    assert.equal(acceptedLocale(header), undefined, String(header));
});

test('textDirection reads the script of the language: right to left for Arabic and Hebrew only', () => {
  assert.deepEqual(
    PAGE_LOCALES.filter((lang) => textDirection(lang) === 'rtl'),
    ['ar', 'he'],
  );
  assert.equal(textDirection('he-IL'), 'rtl');
  assert.equal(textDirection('not a tag'), 'ltr');
});

test('acceptedLocale finds the Arabic and Hebrew tables', () => {
  assert.equal(acceptedLocale('ar-SA,ar;q=0.9,en;q=0.5'), 'ar');
  assert.equal(acceptedLocale('he-IL'), 'he');
});
