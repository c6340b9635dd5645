import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import './parley-comments.js';
import type { ParleyComments } from './parley-comments.js';
import { $, listing, makeComment, mountComments, stubFetch } from './test-support.js';

// Forced colours (Windows high contrast) replace author colours and drop backgrounds: what only
// a background told apart (a pressed vote, the comment opened by permalink) must still show.

/** Turns the forced-colors media feature on (`active`) or off, through Puppeteer (scripts/web-test-runner.mjs). */
const forcedColors = (on: boolean) =>
  executeServerCommand('emulate-media-features', on ? [{ name: 'forced-colors', value: 'active' }] : []);

/** What tells an element apart in forced colours: backgrounds, borders and outlines as drawn. */
function look(el: Element): string {
  const s = getComputedStyle(el);
  return [s.backgroundColor, s.color, s.borderTopColor, s.borderTopWidth, s.outlineStyle, s.outlineColor].join(' ');
}

/** The colour `Highlight` resolves to now, read from a probe element in the thread's shadow root. */
function highlight(el: ParleyComments): string {
  const probe = document.createElement('i');
  probe.style.color = 'Highlight';
  el.shadowRoot!.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

describe('<parley-comments> in forced colours', () => {
  stubFetch(() => listing([makeComment('c1AAAAAAAAAA', 'one'), makeComment('c2AAAAAAAAAA', 'two')]));
  beforeEach(() => {
    localStorage.clear();
    // The reader's upvote of the first comment.
    localStorage.setItem('parley:votes', JSON.stringify({ c1AAAAAAAAAA: 1 }));
  });
  afterEach(async () => {
    await forcedColors(false);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('marks a pressed vote and the comment opened by permalink in the Highlight colour', async () => {
    history.replaceState(null, '', '#comment-c2AAAAAAAAAA');
    const el = await mountComments();
    await waitUntil(() => $(el, 'article.hl'), 'permalink highlighted');
    await expect(el).to.be.accessible();
    await forcedColors(true);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const [up, down] = el.shadowRoot!.querySelectorAll('#comment-c1AAAAAAAAAA button.vote');
    expect(up!.getAttribute('aria-pressed')).to.equal('true');
    expect(look(up!), 'the pressed vote differs from the other').not.to.equal(look(down!));
    expect(getComputedStyle(up!).backgroundColor).to.equal(highlight(el));
    const hl = $(el, '#comment-c2AAAAAAAAAA');
    expect(look(hl), 'the highlighted comment differs from the other').not.to.equal(look($(el, '#comment-c1AAAAAAAAAA')));
    expect(getComputedStyle(hl).borderTopColor).to.equal(highlight(el));
    await expect(el).to.be.accessible();
  });
});
