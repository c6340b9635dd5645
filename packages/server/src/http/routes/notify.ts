import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { versionTag } from '../../domain/comment-version.js';
import { htmlEscape } from '../../domain/notify/mail-message.js';
import type { NotifyService } from '../../domain/notify/notifier.js';
import { acceptedLocale } from '../../domain/notify/terms/accept-language.js';
import { mailLocale, type PageTerms, pageTerms } from '../../domain/notify/terms/index.js';
import { fill, textDirection } from '../../domain/notify/terms/text.js';
import { Problem } from '../../domain/problem.js';
import type { App, RouteDeps } from '../env.js';
import { jsonBody, jsonResponse, PageKey, problems, SiteId } from '../schemas.js';

const Follow = z
  .object({
    site: SiteId,
    page: PageKey,
    email: z.string().max(320),
    locale: z.string().max(35).optional(),
  })
  .openapi('FollowRequest');

const follow = createRoute({
  method: 'post',
  path: '/api/v1/subscriptions',
  summary: 'Follow a discussion by e-mail (double opt-in: a confirmation link is mailed first)',
  request: { body: jsonBody(Follow) },
  responses: {
    202: jsonResponse(
      z.object({ status: z.literal('check-your-inbox') }),
      'Accepted; the same answer whether or not the address was known',
    ),
    ...problems(400, 403, 404, 415, 422, 429, 503),
  },
});

/**
 * Pages behind the links in mails. A GET only shows what the link will do and a button; the POST
 * acts. Mail scanners and link previews fetch with GET, so they can never confirm, unsubscribe or
 * moderate. The signed token in the URL is the only credential: no account, no cookie. Unsubscribe
 * also takes RFC 8058 one-click POSTs (`List-Unsubscribe=One-Click`) from mail clients.
 *
 * The pages speak the reader's language (`domain/notify/terms/`): the one stored with the
 * address the mail went to (for moderation links, the console language of the moderator's
 * account the link names), else the browser's `Accept-Language`, else English.
 */
interface PageView {
  /** A table name (`mailLocale`), also written to `<html lang>`. */
  locale: string;
  /** The site the link's address belongs to, when the token names one. */
  siteName?: string | undefined;
}

function htmlPage(c: Context, status: 200 | 404, view: PageView, t: PageTerms, title: string, body: string): Response {
  const site = view.siteName ? htmlEscape(view.siteName) : '';
  const head = site ? `${htmlEscape(title)} · ${site}` : htmlEscape(title);
  const siteLine = site ? `<p>${fill(htmlEscape(t.site), { site })}</p>` : '';
  const lang = htmlEscape(view.locale);
  const html = `<!doctype html><html lang="${lang}" dir="${textDirection(view.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${head}</title></head><body><main><h1>${htmlEscape(title)}</h1>${siteLine}${body}</main></body></html>`;
  return c.html(html, status, {
    'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
    'cache-control': 'no-store',
    // The same URL answers in another language for another Accept-Language.
    vary: 'accept-language',
  });
}

/** The page's one button; `version` (of the comment shown) goes back with it as the field `v`. */
const form = (button: string, version?: string) =>
  `<form method="post">${version ? `<input type="hidden" name="v" value="${htmlEscape(version)}">` : ''}<button type="submit">${htmlEscape(button)}</button></form>`;

/** A field of a posted form; undefined for another method or body type. */
async function formField(c: Context, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (
    c.req.method !== 'POST' ||
    !(type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
  ) {
    return undefined;
  }
  // A body that claims to be a form but is not one (no boundary, broken parts) is the
  // client's fault: parseBody throws on it, which would otherwise surface as a 500.
  const form = await c.req.parseBody().catch(() => {
    throw new Problem(400, 'bad-request', 'The form body could not be read');
  });
  const value = form[name];
  return typeof value === 'string' && value ? value : undefined;
}

async function tokenOf(c: Context): Promise<string> {
  const token = c.req.query('t') || (await formField(c, 't'));
  if (token) return token;
  throw new Problem(404, 'link-invalid', 'This link is not valid or has expired');
}

/**
 * The link's token for the language of its page, or undefined without one (the page then says so
 * in the browser's language). A body that is not a form is still a 400.
 */
function optionalToken(c: Context): Promise<string | undefined> {
  return tokenOf(c).catch((err: unknown) => {
    if (err instanceof Problem && err.status === 404) return undefined;
    throw err;
  });
}

/** Shows a link's failure as a page, since a person followed it from a mail. */
async function answer(
  c: Context,
  view: PageView,
  title: (t: PageTerms) => string,
  work: (t: PageTerms) => Promise<string>,
): Promise<Response> {
  const t = pageTerms(view.locale);
  try {
    return htmlPage(c, 200, view, t, title(t), await work(t));
  } catch (err) {
    if (err instanceof Problem && err.status === 404) {
      const why = err.code === 'comment-not-found' ? t.notHeld : t.linkInvalid;
      return htmlPage(c, 404, { locale: view.locale }, t, t.invalidTitle, `<p>${htmlEscape(why)}</p>`);
    }
    throw err;
  }
}

/** The browser's language among the pages' tables, else English. */
const browserLocale = (c: Context): string => acceptedLocale(c.req.header('accept-language')) ?? 'en';

/**
 * The language and site of the reader a confirm or unsubscribe link was mailed to, from the address
 * its token names; the browser's language when it names none. A body that is not a form is
 * still a 400 here (from `tokenOf`); a missing token is left to the page's own 404.
 */
async function readerView(c: Context, notifier: NotifyService): Promise<PageView> {
  const token = await optionalToken(c);
  const reader = token ? await notifier.reader(token) : undefined;
  // A moderator's mute link always names its site, but knows a language only for an account that sent one.
  return {
    locale: reader?.locale ? mailLocale(reader.locale) : browserLocale(c),
    siteName: reader?.siteName,
  };
}

/**
 * The language of the moderator a moderation link was mailed to, when the link names their
 * administrator account and it stored a console language; the browser's language otherwise (an
 * older link, an address without an account, or a bad link, whose page then says so).
 */
async function moderatorView(c: Context, notifier: NotifyService): Promise<PageView> {
  const token = await optionalToken(c);
  const action = c.req.query('action');
  const stored =
    token && (action === 'approve' || action === 'reject') ? await notifier.moderatorLocale(action, token) : undefined;
  return { locale: stored ? mailLocale(stored) : browserLocale(c) };
}

/** Following a discussion (JSON API) and the pages the links in mails open. */
export function notifyRoutes(app: App, { service, caller }: RouteDeps, notifier: NotifyService): void {
  app.openapi(follow, async (c) => {
    const input = c.req.valid('json');
    const site = await service.site(input.site);
    service.assertOrigin(site, caller(c));
    await notifier.followThread(site, input.page, input.email, input.locale, caller(c).ip);
    return c.json({ status: 'check-your-inbox' as const }, 202);
  });

  app.use(
    '/notify/*',
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new Problem(413, 'payload-too-large', 'Request body is too large');
      },
    }),
  );

  for (const kind of ['confirm', 'unsubscribe'] as const) {
    const act = (token: string) => (kind === 'confirm' ? notifier.confirm(token) : notifier.unsubscribe(token));
    const title = (t: PageTerms) => (kind === 'confirm' ? t.confirmTitle : t.unsubscribeTitle);
    app.get(`/notify/${kind}`, async (c) =>
      answer(c, await readerView(c, notifier), title, async (t) => {
        await tokenOf(c);
        const [ask, button] = kind === 'confirm' ? [t.confirmAsk, t.confirmButton] : [t.unsubscribeAsk, t.unsubscribeButton];
        return `<p>${htmlEscape(ask)}</p>${form(button)}`;
      }),
    );
    // The view is read before acting: unsubscribing deletes the record that holds the language.
    app.post(`/notify/${kind}`, async (c) =>
      answer(c, await readerView(c, notifier), title, async (t) => {
        await act(await tokenOf(c));
        return `<p>${htmlEscape(kind === 'confirm' ? t.confirmDone : t.unsubscribeDone)}</p>`;
      }),
    );
  }

  const actionOf = (c: Context): 'approve' | 'reject' => {
    const action = c.req.query('action');
    if (action !== 'approve' && action !== 'reject')
      throw new Problem(404, 'link-invalid', 'This link is not valid or has expired');
    return action;
  };
  const moderateTitle = (t: PageTerms) => t.moderateTitle;
  /** The held comment and the button, which sends back the version shown so only that text is acted on. */
  const confirmPage = async (c: Context, t: PageTerms) => {
    const action = actionOf(c);
    const { comment, pageName } = await notifier.heldForPage(action, await tokenOf(c));
    const wrote = fill(htmlEscape(t.moderateWrote), {
      name: htmlEscape(comment.authorName || t.someone),
      page: htmlEscape(pageName),
    });
    const button = form(action === 'approve' ? t.approve : t.reject, versionTag(comment));
    return `<p>${wrote}</p><blockquote style="white-space:pre-wrap">${htmlEscape(comment.body)}</blockquote>${button}`;
  };
  app.get('/notify/moderate', async (c) => answer(c, await moderatorView(c, notifier), moderateTitle, (t) => confirmPage(c, t)));
  app.post('/notify/moderate', async (c) =>
    answer(c, await moderatorView(c, notifier), moderateTitle, async (t) => {
      const action = actionOf(c);
      try {
        // Without `v` (a POST not sent from the confirm page) the comment is acted on as found.
        await notifier.moderate(action, await tokenOf(c), await formField(c, 'v'));
      } catch (err) {
        // Changed since the page was shown: nothing was done; show it again as it is now.
        if (err instanceof Problem && err.code === 'conflict')
          return `<p>${htmlEscape(t.moderateChanged)}</p>${await confirmPage(c, t)}`;
        throw err;
      }
      return `<p>${htmlEscape(action === 'approve' ? t.approved : t.rejected)}</p>`;
    }),
  );
}
