import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { htmlEscape } from '../../domain/notify/mail-message.js';
import type { NotifyService } from '../../domain/notify/notifier.js';
import { Problem } from '../../domain/problem.js';
import type { App, RouteDeps } from '../env.js';
import { PageKey, problems, SiteId } from '../schemas.js';

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
  request: { body: { required: true, content: { 'application/json': { schema: Follow } } } },
  responses: {
    202: {
      description: 'Accepted; the same answer whether or not the address was known',
      content: { 'application/json': { schema: z.object({ status: z.literal('check-your-inbox') }) } },
    },
    ...problems(400, 403, 404, 415, 422, 429, 503),
  },
});

/**
 * Pages behind the links in mails. A GET only shows what the link will do and a button; the POST
 * acts. Mail scanners and link previews fetch with GET, so they can never confirm, unsubscribe or
 * moderate. The signed token in the URL is the only credential: no account, no cookie. Unsubscribe
 * also takes RFC 8058 one-click POSTs (`List-Unsubscribe=One-Click`) from mail clients.
 */
const PAGES = {
  confirm: {
    title: 'Confirm e-mails',
    ask: 'Confirm that this address should get the e-mails it asked for?',
    button: 'Confirm',
    done: 'Confirmed. You will get e-mails about new comments.',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    ask: 'Stop these e-mails?',
    button: 'Unsubscribe',
    done: 'Done. You will not get these e-mails any more.',
  },
} as const;

function htmlPage(c: Context, status: 200 | 404, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${htmlEscape(title)}</title></head><body><main><h1>${htmlEscape(title)}</h1>${body}</main></body></html>`;
  return c.html(html, status, {
    'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
    'cache-control': 'no-store',
  });
}

const form = (button: string) => `<form method="post"><button type="submit">${htmlEscape(button)}</button></form>`;

async function tokenOf(c: Context): Promise<string> {
  const fromQuery = c.req.query('t');
  if (fromQuery) return fromQuery;
  const type = c.req.header('content-type') ?? '';
  if (
    c.req.method === 'POST' &&
    (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
  ) {
    // A body that claims to be a form but is not one (no boundary, broken parts) is the
    // client's fault: parseBody throws on it, which would otherwise surface as a 500.
    const form = await c.req.parseBody().catch(() => {
      throw new Problem(400, 'bad-request', 'The form body could not be read');
    });
    const value = form.t;
    if (typeof value === 'string' && value) return value;
  }
  throw new Problem(404, 'link-invalid', 'This link is not valid or has expired');
}

/** Shows a link's failure as a page, since a person followed it from a mail. */
async function answer(c: Context, title: string, work: () => Promise<string>): Promise<Response> {
  try {
    return htmlPage(c, 200, title, await work());
  } catch (err) {
    if (err instanceof Problem && err.status === 404)
      return htmlPage(c, 404, 'Link not valid', `<p>${htmlEscape(err.message)}</p>`);
    throw err;
  }
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
    const words = PAGES[kind];
    const act = (token: string) => (kind === 'confirm' ? notifier.confirm(token) : notifier.unsubscribe(token));
    app.get(`/notify/${kind}`, (c) =>
      answer(c, words.title, async () => {
        await tokenOf(c);
        return `<p>${htmlEscape(words.ask)}</p>${form(words.button)}`;
      }),
    );
    app.post(`/notify/${kind}`, (c) =>
      answer(c, words.title, async () => {
        await act(await tokenOf(c));
        return `<p>${htmlEscape(words.done)}</p>`;
      }),
    );
  }

  const actionOf = (c: Context): 'approve' | 'reject' => {
    const action = c.req.query('action');
    if (action !== 'approve' && action !== 'reject')
      throw new Problem(404, 'link-invalid', 'This link is not valid or has expired');
    return action;
  };
  app.get('/notify/moderate', (c) =>
    answer(c, 'Moderate a comment', async () => {
      const action = actionOf(c);
      const comment = await notifier.heldComment(action, await tokenOf(c));
      const who = comment.authorName || 'Someone';
      return `<p>${htmlEscape(who)} wrote on ${htmlEscape(comment.pageKey)}:</p><blockquote style="white-space:pre-wrap">${htmlEscape(comment.body)}</blockquote>${form(action === 'approve' ? 'Approve' : 'Reject')}`;
    }),
  );
  app.post('/notify/moderate', (c) =>
    answer(c, 'Moderate a comment', async () => {
      const action = actionOf(c);
      await notifier.moderate(action, await tokenOf(c));
      return `<p>${action === 'approve' ? 'Approved: the comment is now shown.' : 'Rejected: the comment stays hidden.'}</p>`;
    }),
  );
}
