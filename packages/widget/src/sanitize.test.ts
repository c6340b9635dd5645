import { expect } from '@open-wc/testing';
import { safeUrl, sanitize } from './sanitize.js';

const markup = (html: string) => {
  const div = document.createElement('div');
  div.appendChild(sanitize(html));
  return div.innerHTML;
};

describe('sanitize', () => {
  it('keeps allowed markup and forces safe link attributes', () => {
    expect(markup('<p>a <em>b</em> <a href="https://x.example/" onclick="x()">c</a></p>')).to.equal(
      '<p>a <em>b</em> <a href="https://x.example/" rel="nofollow ugc noopener noreferrer" target="_blank">c</a></p>',
    );
  });

  it('drops scripts, handlers and dangerous URLs', () => {
    const out = markup(
      '<img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:alert(1)">x</a><svg onload=alert(1)>',
    );
    expect(out).to.equal('<a rel="nofollow ugc noopener noreferrer" target="_blank">x</a>');
  });

  it('accepts only http, https and mailto URLs', () => {
    expect(safeUrl('https://a.example/')).to.equal('https://a.example/');
    expect(safeUrl('mailto:a@b.example')).to.equal('mailto:a@b.example');
    expect(safeUrl('data:text/html,x')).to.equal(undefined);
    expect(safeUrl(' javascript:alert(1)')).to.equal(undefined);
  });
  it('unwraps unknown elements, strips every attribute that is not allowed, drops comments', () => {
    expect(
      markup(
        '<div onclick="x()"><span style="color:red">a<b onmouseover="y()">b</b></span></div><!-- c --><p class="k" id="i">d</p><ol start="3" type="a"><li>e</li></ol>',
      ),
    ).to.equal('ab<p>d</p><ol start="3"><li>e</li></ol>');
    expect(markup('<x-foo is="y"><em title="t">z</em></x-foo><noscript><p>n</p></noscript>')).to.equal('<em>z</em>');
  });
});
