import { headerText, htmlEscape, type MailMessage, newMessageId } from './mail-message.js';
import { fill, mailLocale, mailTerms } from './mail-terms.js';
import { moderatorTerms } from './moderator-terms.js';
import { textDirection } from './page-terms.js';

/** What every mail template needs besides its own fields. */
interface Envelope {
  from: string;
  to: string;
  unsubscribeUrl: string;
}

/** Where a comment was written; `url` only when it lies on one of the site's own origins. */
export interface MailPage {
  title: string;
  key: string;
  url: string | null;
}

/** Longest comment excerpt in a mail; the rest is on the page. */
const EXCERPT = 2000;

function excerpt(body: string): string {
  const chars = [...body];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : body;
}

function pageName(page: MailPage): string {
  return page.title || page.key;
}

/**
 * Comment text as HTML: escaped, line breaks kept; never the author's markup or links. The bar
 * is on the side the mail's lines start (`dir`): mail clients do not all know logical properties
 * such as `border-inline-start`, so it is named left or right.
 */
function quoteHtml(body: string, dir: 'ltr' | 'rtl'): string {
  const side = dir === 'rtl' ? 'right' : 'left';
  return `<blockquote style="white-space:pre-wrap;border-${side}:3px solid #ccc;margin:0;padding-${side}:12px">${htmlEscape(excerpt(body))}</blockquote>`;
}

function quoteText(body: string): string {
  return excerpt(body)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function link(href: string, label: string): string {
  return `<a href="${htmlEscape(href)}">${htmlEscape(label)}</a>`;
}

/**
 * The direction of a mail in the language of its words (`mailLocale`, so a tag without a table
 * gets English's `ltr`): Arabic and Hebrew mails run right to left.
 */
const mailDirection = (lang: string | undefined) => textDirection(mailLocale(lang));

/**
 * A mail's HTML. `dir` is repeated on a `<div>` around the content: webmail that keeps only the
 * body's content (dropping `<html>` and `<body>` with their attributes) keeps that element's.
 */
function page(lang: string, parts: string[], footer: string): string {
  const dir = mailDirection(lang);
  return [
    '<!doctype html>',
    `<html lang="${htmlEscape(lang)}" dir="${dir}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    `<div dir="${dir}">`,
    ...parts,
    `<hr><p style="font-size:small;color:#666">${footer}</p>`,
    '</div>',
    '</body></html>',
  ].join('\n');
}

function message(env: Envelope, subject: string, text: string, html: string): MailMessage {
  return {
    to: env.to,
    subject: headerText(subject),
    text,
    html,
    messageId: newMessageId(env.from),
    unsubscribeUrl: env.unsubscribeUrl,
  };
}

/** A new reply (to a subscriber of replies) or comment (to a follower of the thread). */
export function commentMail(
  env: Envelope & {
    kind: 'replies' | 'thread';
    locale: string;
    page: MailPage;
    authorName: string;
    body: string;
    commentId: string;
  },
): MailMessage {
  const t = mailTerms(env.locale);
  const name = headerText(env.authorName, 80) || t.someone;
  const where = headerText(pageName(env.page), 120);
  const [subjectT, introT] = env.kind === 'replies' ? [t.replySubject, t.replyIntro] : [t.threadSubject, t.threadIntro];
  const view = env.page.url ? `${env.page.url}#comment-${env.commentId}` : null;
  const text = [
    fill(introT, { name, page: where }),
    '',
    quoteText(env.body),
    '',
    ...(view ? [`${t.view}: ${view}`, ''] : []),
    '-- ',
    `${t.unsubscribe}: ${env.unsubscribeUrl}`,
  ].join('\n');
  const html = page(
    env.locale,
    [
      `<p>${fill(htmlEscape(introT), { name: htmlEscape(name), page: htmlEscape(where) })}</p>`,
      quoteHtml(env.body, mailDirection(env.locale)),
      ...(view ? [`<p>${link(view, t.view)}</p>`] : []),
    ],
    link(env.unsubscribeUrl, t.unsubscribe),
  );
  return message(env, fill(subjectT, { page: where }), text, html);
}

/** The double opt-in mail: confirm, or ignore; its unsubscribe link forgets the address. */
export function confirmMail(env: Envelope & { locale: string; siteName: string; confirmUrl: string }): MailMessage {
  const t = mailTerms(env.locale);
  const site = headerText(env.siteName, 120);
  const text = [
    fill(t.confirmIntro, { site }),
    '',
    `${t.confirmAction}: ${env.confirmUrl}`,
    '',
    t.confirmIgnore,
    '-- ',
    `${t.unsubscribe}: ${env.unsubscribeUrl}`,
  ].join('\n');
  const html = page(
    env.locale,
    [
      `<p>${fill(htmlEscape(t.confirmIntro), { site: htmlEscape(site) })}</p>`,
      `<p>${link(env.confirmUrl, t.confirmAction)}</p>`,
      `<p>${htmlEscape(t.confirmIgnore)}</p>`,
    ],
    link(env.unsubscribeUrl, t.unsubscribe),
  );
  return message(env, fill(t.confirmSubject, { site }), text, html);
}

/** One held comment as a moderator mail shows it, with its signed links. */
export interface HeldComment {
  page: MailPage;
  authorName: string;
  body: string;
  approveUrl: string;
  rejectUrl: string;
}

/**
 * Mail to a moderator about held comments: one (`each`) or several (`digest`), in `locale` (the
 * moderator's console language, `moderator-terms.ts`; English when they never chose one).
 */
export function moderationMail(
  env: Envelope & { locale?: string | undefined; siteName: string; held: HeldComment[]; hours: number },
): MailMessage {
  const locale = mailLocale(env.locale);
  const t = moderatorTerms(locale);
  const someone = mailTerms(locale).someone;
  const site = headerText(env.siteName, 120);
  const first = env.held[0];
  const subject =
    env.held.length === 1 && first
      ? fill(t.heldSubject, { page: headerText(pageName(first.page), 120) })
      : fill(t.digestSubject, { count: String(env.held.length), site });
  const expiry = fill(t.expiry, { hours: String(env.hours) });
  const stop = fill(t.stopMail, { site });
  const text: string[] = [];
  const html: string[] = [];
  for (const c of env.held) {
    const name = headerText(c.authorName, 80) || someone;
    const where = headerText(pageName(c.page), 120);
    text.push(
      fill(t.heldOn, { name, page: where }),
      '',
      quoteText(c.body),
      '',
      `${t.approve}: ${c.approveUrl}`,
      `${t.reject}: ${c.rejectUrl}`,
      '',
    );
    const whereHtml = c.page.url ? link(c.page.url, where) : htmlEscape(where);
    html.push(
      `<p>${fill(htmlEscape(t.heldOn), { name: htmlEscape(name), page: whereHtml })}</p>`,
      quoteHtml(c.body, mailDirection(locale)),
      `<p>${link(c.approveUrl, t.approve)} · ${link(c.rejectUrl, t.reject)}</p>`,
    );
  }
  text.push(expiry, '-- ', `${stop}: ${env.unsubscribeUrl}`);
  html.push(`<p>${htmlEscape(expiry)}</p>`);
  return message(env, subject, text.join('\n'), page(locale, html, link(env.unsubscribeUrl, stop)));
}
