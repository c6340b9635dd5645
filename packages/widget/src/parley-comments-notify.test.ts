import { expect, waitUntil } from '@open-wc/testing';
import { toggleForm } from './comments/write.js';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import { $, expectFocused, json, listing, makeComment, mountComments, stubFetch, type, waitUntilLoaded } from './test-support.js';

// "Notify me of replies" and "follow this discussion" (issue 8); e2e/comments-notify.test.ts
// follows the mails through a real server and SMTP.

const comment = makeComment('c1', 'Hi', { createdAt: new Date().toISOString() });
const requests: { method: string; path: string; body: Record<string, unknown> | undefined }[] = [];
let follow: () => Response;
let mail: boolean | undefined;

const mount = (lang = 'en') => mountComments({ lang });
const notifyBox = (el: ParleyComments, form = 'form') => $<HTMLInputElement>(el, `${form} input[name=notify]`);

describe('<parley-comments> notifications', () => {
  stubFetch((url, init) => {
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ method: init.method ?? 'GET', path: url.pathname, body });
    if (url.pathname === '/api/v1/subscriptions') return follow();
    if (init.method === 'POST')
      return json({ comment: { ...comment, id: `n${requests.length}`, body: body.body }, editToken: 't' }, 201);
    return listing([comment], { mail });
  });
  beforeEach(() => {
    localStorage.clear();
    requests.length = 0;
    follow = () => json({ status: 'check-your-inbox' }, 202);
    mail = true;
  });

  it('offers "notify me of replies" once an e-mail is typed and sends it with the reader’s language', async () => {
    const el = await mount();
    const box = notifyBox(el);
    expect(box.closest('p')!.hidden, 'hidden without an e-mail').to.equal(true);
    type($<HTMLInputElement>(el, '#root-email'), 'ada@example.org');
    await el.updateComplete;
    expect(box.closest('p')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
    expect(box.labels?.[0]?.textContent?.trim()).to.equal('Notify me of replies');
    box.click();
    type($<HTMLTextAreaElement>(el, '#root-body'), 'Tell me');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => requests.some((r) => r.method === 'POST'), 'posted');
    expect(requests.find((r) => r.method === 'POST')!.body).to.include({ notify: true, locale: 'en', body: 'Tell me' });
    expect(requests.find((r) => r.method === 'POST')!.body!.author).to.deep.equal({ email: 'ada@example.org' });

    // A reply form has its own box (the address is remembered); unticked, nothing is asked.
    await toggleForm(el, 'r', 'c1', true);
    expect(notifyBox(el, '.reply-form form').closest('p')!.hidden).to.equal(false);
    type($<HTMLTextAreaElement>(el, '#r-c1-body'), 'Quiet');
    $<HTMLFormElement>(el, '.reply-form form').requestSubmit();
    await waitUntil(() => requests.filter((r) => r.method === 'POST').length === 2, 'reply posted');
    const reply = requests.filter((r) => r.method === 'POST')[1]!.body!;
    expect(reply).to.not.have.property('notify');
    expect(reply).to.not.have.property('locale');
  });

  it('offers neither control when the server sends no e-mail, and both when an older server does not say', async () => {
    mail = false;
    const el = await mount();
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#root-email'), 'ada@example.org');
    await el.updateComplete;
    expect(notifyBox(el), 'no notify box').to.equal(null);
    expect($(el, 'button[part~=follow]'), 'no follow button').to.equal(null);
    await toggleForm(el, 'r', 'c1', true);
    expect(notifyBox(el, '.reply-form form'), 'no notify box on a reply').to.equal(null);

    mail = undefined;
    const older = await mount();
    type($<HTMLInputElement>(older, '#root-email'), 'ada@example.org');
    await older.updateComplete;
    expect(notifyBox(older).closest('p')!.hidden).to.equal(false);
    expect($(older, 'button[part~=follow]')).to.not.equal(null);
  });

  it('follows the discussion with the typed e-mail and says to check the inbox', async () => {
    const el = await mount('de');
    await waitUntilLoaded(() => el.t.lang === 'de', 'German');
    type($<HTMLInputElement>(el, '#root-email'), 'ada@example.org');
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, 'button[part~=follow]');
    expect(button.textContent).to.equal('Dieser Diskussion folgen');
    await expect(el).to.be.accessible();
    button.click();
    await waitUntil(() => $(el, '#followed'), 'confirmation note');
    expect(requests.at(-1)).to.deep.equal({
      method: 'POST',
      path: '/api/v1/subscriptions',
      body: { site: 'demo', page: '/a', email: 'ada@example.org', locale: 'de' },
    });
    expect($(el, '#followed').textContent).to.equal('Bestätigen Sie bitte in Ihrem Posteingang.');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'followed', 'focus moves to the note');
    await expect(el).to.be.accessible();
  });

  it('shows a refused follow next to the button, in the reader’s language, says it through the live region and keeps the focus', async () => {
    follow = () =>
      json(
        {
          code: 'invalid-fields',
          detail: 'email: is not a valid e-mail address',
          errors: [{ path: 'email', message: 'is not a valid e-mail address', code: 'invalid-email' }],
        },
        422,
      );
    const el = await mount();
    type($<HTMLInputElement>(el, '#root-email'), 'not-an-address');
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, 'button[part~=follow]');
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled'), 'busy').to.equal('true');
    expectFocused(button, 'focus stays on the busy button');
    await waitUntil(() => $(el, '#follow-err'), 'error shown');
    expectFocused(button, 'focus stays after the refusal');
    const text = 'Enter an e-mail address, such as name@example.com.';
    expect($(el, '#follow-err').textContent).to.equal(text);
    expect($(el, 'button[part~=follow]').getAttribute('aria-describedby')).to.equal('follow-err');
    expect($(el, '[role=status]').textContent).to.equal(text);
    await expect(el).to.be.accessible();
    follow = () => json({ code: 'unavailable', detail: 'E-mail notifications are not set up on this server' }, 503);
    $<HTMLButtonElement>(el, 'button[part~=follow]').click();
    await waitUntil(() => $(el, '#follow-err')?.textContent === 'The comment server had a problem.', 'server error');
  });
});
