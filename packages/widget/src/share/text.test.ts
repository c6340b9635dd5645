import { expect } from '@open-wc/testing';
import { fitWithUrl, graphemes, measure, truncate, xWeight } from './text.js';

const FAMILY = '👩‍👩‍👧‍👦';
const FLAGS = '🇺🇦🇩🇪🏳️‍🌈';

describe('share text shaping', () => {
  it('counts a ZWJ family, flags and a rainbow flag as one grapheme each', () => {
    expect(graphemes(FAMILY)).to.have.length(1);
    expect(graphemes(FLAGS)).to.deep.equal(['🇺🇦', '🇩🇪', '🏳️‍🌈']);
    expect(measure(`e\u0301${FAMILY}`)).to.equal(2);
  });

  it('still counts graphemes on a page whose Array.from is Prototype.js $A (array-likes only, no map function)', () => {
    const original = Array.from;
    // Prototype.js 1.7: `Array.from = $A`.
    Array.from = ((iterable: ArrayLike<unknown> | null | undefined) => {
      if (!iterable) return [];
      const length = iterable.length || 0;
      const results = new Array(length);
      for (let i = 0; i < length; i++) results[i] = iterable[i];
      return results;
    }) as typeof Array.from;
    try {
      expect(graphemes(FLAGS)).to.deep.equal(['🇺🇦', '🇩🇪', '🏳️‍🌈']);
      expect(truncate(`ab${FAMILY}cd`, 3)).to.equal(`ab…`);
    } finally {
      Array.from = original;
    }
  });

  it('leaves text that fits alone, and never splits an emoji sequence or a flag when cutting', () => {
    expect(truncate('short', 5)).to.equal('short');
    const text = `ab${FAMILY}${FAMILY}🇺🇦🇺🇦`;
    for (let max = 1; max <= 7; max++) {
      const cut = truncate(text, max);
      expect(measure(cut), `max ${max}`).to.be.at.most(max);
      expect(text.startsWith(cut.replace(/…$/, '')), `prefix at ${max}`).to.equal(true);
      for (const g of graphemes(cut)) expect(['a', 'b', FAMILY, '🇺🇦', '…']).to.include(g);
    }
    expect(truncate(text, 4)).to.equal(`ab${FAMILY}…`);
  });

  it('drops trailing spaces before the ellipsis and gives "" when even "…" does not fit', () => {
    expect(truncate('one two three', 5)).to.equal('one…');
    expect(truncate('anything', 0)).to.equal('');
  });

  it('keeps right-to-left text in logical order and cuts it at a grapheme boundary', () => {
    const arabic = 'مرحبا بالعالم، هذا عنوان طويل جدا';
    const cut = truncate(arabic, 10);
    expect(cut).to.equal('مرحبا بال…');
    expect(measure(cut)).to.equal(10);
  });

  it('weighs text like X: Latin 1, CJK 2, an emoji sequence 2', () => {
    expect(measure('hello', xWeight)).to.equal(5);
    expect(measure('日本語', xWeight)).to.equal(6);
    expect(measure(FAMILY, xWeight)).to.equal(2);
    expect(measure('🇺🇦', xWeight)).to.equal(2);
    expect(measure('“quoted” — ok', xWeight)).to.equal(13);
  });

  it('fits text beside a link counted at a fixed cost or at its own length', () => {
    const long = 'x'.repeat(1000);
    const url = `https://example.com/${'p'.repeat(100)}`;
    expect(fitWithUrl(long, url, { max: 280, urlCost: 23 })).to.have.length(256);
    expect(measure(fitWithUrl(long, url, { max: 300 }))).to.equal(300 - url.length - 1);
    expect(fitWithUrl('short', url, { max: 300 })).to.equal('short');
  });
});
