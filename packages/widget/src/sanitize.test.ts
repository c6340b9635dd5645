import { expect } from '@open-wc/testing';
import { safeUrl, sanitize, sanitizeMany } from './sanitize.js';

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

  it('sanitises many snippets in one parse with the same result, and nothing leaks between them', () => {
    const html = (f: DocumentFragment) => {
      const div = document.createElement('div');
      div.appendChild(f);
      return div.innerHTML;
    };
    const snippets = [
      '<p>a <em>open emphasis',
      '<p>b</p>',
      '<a href="https://x.example/">open link',
      '<p>c</p><img src=x onerror=alert(1)>',
      '<table><tr><td>t',
      '<p>d</p>',
    ];
    expect(sanitizeMany(snippets).map(html)).to.deep.equal(snippets.map((s) => markup(s)));
    expect(html(sanitizeMany(snippets)[1]!)).to.equal('<p>b</p>');
    // A snippet that breaks out of its wrapper, or swallows the rest, makes every snippet parse alone.
    for (const breaker of ['</template><p>x</p>', '<textarea>', '<!--', '<plaintext>', '</template><template data-k="0-2">y']) {
      const batch = ['<p>one</p>', breaker, '<p>three</p>'];
      expect(sanitizeMany(batch).map(html), breaker).to.deep.equal(batch.map((s) => markup(s)));
    }
  });
});

describe("sanitize and the host page's customised built-in elements", () => {
  // What the page's own classes saw connected: nothing from comment markup may ever get here.
  const upgraded: string[] = [];
  before(() => {
    const evilP = class extends HTMLParagraphElement {
      connectedCallback() {
        upgraded.push(`p: ${this.textContent}`);
        this.textContent = 'UPGRADED BY THE HOST CLASS';
      }
    };
    const evilA = class extends HTMLAnchorElement {
      connectedCallback() {
        upgraded.push(`a: ${this.textContent}`);
      }
    };
    customElements.define('x-evil', evilP, { extends: 'p' });
    customElements.define('x-evil-a', evilA, { extends: 'a' });
  });

  it('never upgrades comment markup parsed with `is`, which keeps its "is value" after the attribute goes', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    try {
      const comment =
        '<p is="x-evil">para</p><a is="x-evil-a" href="https://e.example/">link</a><p>plain <em is="x-evil">em</em></p>';
      // Both paths the thread takes: one snippet, and many in one parse.
      root.append(sanitize(comment), ...sanitizeMany([comment, '<p>next</p>']));
      expect(upgraded).to.deep.equal([]);
      expect(root.innerHTML).to.equal('paralink<p>plain em</p>paralink<p>plain em</p><p>next</p>');
      // The definitions are live: an element the page itself makes with `is` upgrades.
      root.append(document.createElement('p', { is: 'x-evil' }));
      expect(upgraded).to.deep.equal(['p: ']);
    } finally {
      host.remove();
    }
  });
});
