import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formForOneNumber } from '../../../testing/term-tables.js';
import { type HeldComment, moderationMail } from '../mail-templates.js';
import { MAIL_LOCALES, mailTerms, moderatorTerms, pageTerms } from './index.js';
import { fill, plural } from './text.js';
import type { Plural } from './types.js';

/**
 * Every server text with a number in it is plural: moderator mails said "expire in 1 hours" (and
 * "תקפים 1 שעות") with the links' lifetime set to 1, and digests named their count in one form.
 * The counts are those whose forms differ somewhere: 0 (Arabic's zero, French's one), 1, 2
 * (Arabic's and Hebrew's two), 3 (few), 11 (Arabic's and the Slavic many), 100 (Arabic's other).
 */
const COUNTS = [0, 1, 2, 3, 11, 100];

const env = { from: 'noreply@example.com', to: 'mod@example.org', unsubscribeUrl: 'https://c.example/u/1' };

const held = (n: number): HeldComment => ({
  page: { title: 'P', key: '/p', url: null },
  authorName: `A${n}`,
  body: 'text',
  approveUrl: `https://c.example/a/${n}`,
  rejectUrl: `https://c.example/r/${n}`,
});

/** Every plural term of a language's merged tables, by name. */
const pluralsOf = (lang: string): [string, Plural][] =>
  Object.entries({ ...mailTerms(lang), ...moderatorTerms(lang), ...pageTerms(lang) }).filter(
    (e): e is [string, Plural] => typeof e[1] !== 'string',
  );

/** Whether `text` holds the number `n` as a number of its own (not a part of 412 or 1.5). */
const hasNumber = (text: string, n: number) => new RegExp(`(^|[^\\d.,])${n}($|[^\\d.,])`).test(text);

test('the plural terms are the digest subject and the links’ lifetime, in every language', () => {
  for (const lang of MAIL_LOCALES) {
    assert.deepEqual(
      pluralsOf(lang).map(([key]) => key),
      ['digestSubject', 'expiry'],
      lang,
    );
  }
});

for (const lang of MAIL_LOCALES) {
  describe(`plurals in ${lang}`, () => {
    const rules = new Intl.PluralRules(lang);

    test('each plural term has exactly the forms Intl.PluralRules has for the language', () => {
      const needed = [...rules.resolvedOptions().pluralCategories].sort();
      for (const [key, forms] of pluralsOf(lang)) assert.deepEqual(Object.keys(forms).sort(), needed, `${lang} ${key}`);
    });

    test('for 0, 1, 2, 3, 11 and 100 the chosen form is the language’s own, with the number where it belongs', () => {
      for (const [key, forms] of pluralsOf(lang)) {
        for (const n of COUNTS) {
          const form = rules.select(n);
          assert.ok(Object.hasOwn(forms, form), `${lang} ${key} has a ${form} form for ${n}`);
          const text = fill(plural(forms, lang, n), { n: String(n), site: 'S' });
          assert.equal(text, fill(forms[form] ?? '', { n: String(n), site: 'S' }), `${lang} ${key} ${n}: the ${form} form`);
          assert.doesNotMatch(text, /[{}]/, `${lang} ${key} ${n}: every placeholder filled`);
          // A form for one number only may name it in words ("שעה אחת"); then no other number shows.
          if (formForOneNumber(lang, form) && !(forms[form] ?? '').includes('{n}'))
            assert.doesNotMatch(text, /\d/, `${lang} ${key} ${n} in words: ${text}`);
          else assert.ok(hasNumber(text, n), `${lang} ${key} ${n}: ${text}`);
        }
      }
    });

    test('a moderator mail words its links’ lifetime and its digest’s count by the number', () => {
      const t = moderatorTerms(lang);
      for (const n of COUNTS) {
        const list = Array.from({ length: n }, (_, i) => held(i));
        const mail = moderationMail({ ...env, locale: lang, siteName: 'S', held: list, hours: n });
        const expiry = fill(t.expiry[rules.select(n)] ?? '', { n: String(n) });
        assert.ok(mail.text.split('\n').includes(expiry), `${lang} ${n} hours: ${expiry}`);
        // One comment has the held-comment subject, which names its page and no count.
        if (n !== 1) assert.equal(mail.subject, fill(t.digestSubject[rules.select(n)] ?? '', { n: String(n), site: 'S' }));
      }
    });
  });
}

test('Hebrew and English moderator mails say one hour and two hours, not "1 hours"', () => {
  const expiry = (locale: string, hours: number) =>
    moderationMail({ ...env, locale, siteName: 'S', held: [held(1)], hours })
      .text.split('\n')
      .at(-3);
  assert.equal(expiry('he', 1), 'הקישורים לאישור ולדחייה תקפים למשך שעה אחת, ולפני הביצוע מבקשים אישור נוסף.');
  assert.equal(expiry('he', 2), 'הקישורים לאישור ולדחייה תקפים למשך שעתיים, ולפני הביצוע מבקשים אישור נוסף.');
  assert.equal(expiry('he-IL', 72), 'הקישורים לאישור ולדחייה תקפים למשך 72 שעות, ולפני הביצוע מבקשים אישור נוסף.');
  assert.equal(expiry('en', 1), 'The approve and reject links expire in 1 hour and ask once more before they act.');
  assert.equal(expiry('en', 72), 'The approve and reject links expire in 72 hours and ask once more before they act.');
  assert.equal(
    expiry('ru', 21),
    'Ссылки «Одобрить» и «Отклонить» действуют 21 час и перед действием ещё раз просят подтверждения.',
  );
  assert.equal(
    expiry('ru', 24),
    'Ссылки «Одобрить» и «Отклонить» действуют 24 часа и перед действием ещё раз просят подтверждения.',
  );
});

test('digest subjects agree with their count: Arabic’s six forms, the Slavic three', () => {
  const subject = (locale: string, n: number) =>
    moderationMail({ ...env, locale, siteName: 'S', held: Array.from({ length: n }, (_, i) => held(i)), hours: 72 }).subject;
  assert.deepEqual(
    [2, 3, 11, 100].map((n) => subject('ar', n)),
    [
      'تعليقان بانتظار الإشراف في S',
      '3 تعليقات بانتظار الإشراف في S',
      '11 تعليقًا بانتظار الإشراف في S',
      '100 تعليق بانتظار الإشراف في S',
    ],
  );
  assert.deepEqual(
    [2, 5, 22].map((n) => subject('pl', n)),
    ['2 komentarze czekają na moderację w S', '5 komentarzy czeka na moderację w S', '22 komentarze czekają na moderację w S'],
  );
  assert.equal(subject('uk', 11), '11 коментарів на S очікують на модерацію');
  assert.equal(subject('he', 2), '2 תגובות ממתינות לאישור ב־S');
});
