import { expect, waitUntil } from '@open-wc/testing';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import {
  $,
  deepActive,
  expectFocused,
  json,
  later,
  listing,
  makeComment,
  mountComments,
  stubFetch,
  type,
} from './test-support.js';

// A refused post: the submit button keeps the focus while busy (a disabled button loses it in
// Chromium), the first invalid field gets it, and the errors are said with their fields' labels
// in the reader's language (the server's field error `code`, docs/api.md "Field errors").

let respond: (url: URL, init: RequestInit) => Response | Promise<Response>;
let posts = 0;
const invalid = (...errors: unknown[]) => json({ code: 'invalid-fields', detail: 'x', errors }, 422);
const status = (el: ParleyComments) => $(el, '[role=status]').textContent;
const submit = (el: ParleyComments, form = 'form') => $<HTMLButtonElement>(el, `${form} button[type=submit]`);

/** Focuses a form's submit button and presses it, as a keyboard user would. */
function press(button: HTMLButtonElement): void {
  button.focus();
  button.click();
}

describe('<parley-comments> refused posts', () => {
  beforeEach(() => {
    localStorage.clear();
    posts = 0;
  });
  stubFetch((url, init) => {
    if (init.method === 'POST') posts++;
    return respond(url, init);
  });

  it('keeps the focus on the busy button, posts once, then focuses the first invalid field and says each with its label', async () => {
    const answer = later<Response>();
    respond = (_url, init) => (init.method === 'POST' ? answer.promise : listing([]));
    const el = await mountComments();
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#root-email'), 'a@b');
    const button = submit(el);
    press(button);
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent).to.equal('Posting…');
    expectFocused(button, 'focus stays on the busy button');
    button.click();
    await waitUntil(() => posts === 1, 'posted');
    answer.resolve(
      invalid(
        { path: 'author.email', message: 'is not a valid e-mail address', code: 'invalid-email' },
        { path: 'body', message: 'must not be empty', code: 'required' },
      ),
    );
    await waitUntil(() => deepActive() === $(el, '#root-email'), 'focus on the first invalid field');
    expect(posts, 'the second press while busy sent nothing').to.equal(1);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '#root-email-err').textContent).to.equal('Enter an e-mail address, such as name@example.com.');
    expect($(el, '#root-body-err').textContent).to.equal('Please fill in this field.');
    expect(status(el)).to.equal(
      'E-mail (optional, never shown): Enter an e-mail address, such as name@example.com. Comment: Please fill in this field.',
    );
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on the submit button when the post failed for another reason', async () => {
    respond = (_url, init) => (init.method === 'POST' ? json({ code: 'internal', detail: 'x' }, 500) : listing([]));
    const el = await mountComments();
    await expect(el).to.be.accessible();
    type($<HTMLTextAreaElement>(el, '#root-body'), 'hello');
    press(submit(el));
    await waitUntil(() => $(el, 'form .error'), 'error shown');
    expectFocused(submit(el));
    expect(submit(el).textContent).to.equal('Try again');
    expect(status(el)).to.equal('The comment server had a problem. Your text is kept; try again when you are ready.');
  });

  it('says field errors in the reader’s language, with the server’s text only for what it cannot translate', async () => {
    respond = (_url, init) =>
      init.method === 'POST'
        ? invalid(
            { path: 'author.name', message: 'must be at most 80 characters', code: 'too-long', max: 80 },
            // An older server: no code.
            { path: 'author.website', message: 'must be an http(s) URL' },
            // A code this widget does not know yet.
            { path: 'body', message: 'must rhyme', code: 'not-rhyming' },
          )
        : listing([]);
    const el = await mountComments({ lang: 'de' });
    await expect(el).to.be.accessible();
    press(submit(el));
    await waitUntil(() => deepActive() === $(el, '#root-name'), 'focus on the name');
    expect($(el, '#root-name-err').textContent).to.equal('Höchstens 80 Zeichen.');
    expect($(el, '#root-website-err').textContent).to.equal('must be an http(s) URL');
    expect($(el, '#root-body-err').textContent).to.equal('must rhyme');
    expect(status(el)).to.equal('Name: Höchstens 80 Zeichen. Website (freiwillig): must be an http(s) URL Kommentar: must rhyme');
  });

  it('translates the body’s errors in an edit form too, and shows an error for a field the form lacks above its buttons', async () => {
    localStorage.setItem('parley:tokens', JSON.stringify({ c1: { t: 'secret', at: Date.now() } }));
    respond = (_url, init) =>
      init.method === 'PATCH'
        ? invalid({ path: 'body', message: 'must be at most 20 characters', code: 'too-long', max: 20 })
        : init.method === 'POST'
          ? json(
              {
                code: 'invalid-fields',
                detail: "url: must be on one of the site's origins",
                errors: [{ path: 'url', message: "must be on one of the site's origins" }],
              },
              422,
            )
          : listing([makeComment('c1', 'mine')]);
    const el = await mountComments({ lang: 'fr' });
    $<HTMLButtonElement>(el, '#comment-c1 .edit').click();
    await el.updateComplete;
    press(submit(el, '#comment-c1 form'));
    await waitUntil(() => deepActive() === $(el, '#e-c1-body'), 'focus on the text');
    expect($(el, '#e-c1-body-err').textContent).to.equal('20 caractères au maximum.');
    expect(status(el)).to.equal('Commentaire\u00a0: 20 caractères au maximum.');
    await expect(el).to.be.accessible();
    type($<HTMLTextAreaElement>(el, '#root-body'), 'hello');
    press(submit(el, 'ol.thread ~ form'));
    await waitUntil(() => $(el, 'ol.thread ~ form .error'), 'form error');
    expect($(el, 'ol.thread ~ form .error').textContent).to.contain("url: must be on one of the site's origins");
    expectFocused(submit(el, 'ol.thread ~ form'));
  });
});
