import { expect, fixture, html } from '@open-wc/testing';
import type { ActionDetail, ParleyAdminComment, SelectDetail } from './parley-admin-comment.js';
import { comment } from './test-fake-server.js';
import './parley-admin-comment.js';

describe('parley-admin-comment', () => {
  it('is accessible and shows author, page, site, status, reason and the rendered text', async () => {
    const c = comment({ author: { name: 'Ada' }, heldReason: 'links', html: '<p>See <a href="https://x.test/">this</a></p>' });
    const el = await fixture<ParleyAdminComment>(html`<parley-admin-comment .comment=${c}></parley-admin-comment>`);
    await expect(el).to.be.accessible();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Ada');
    expect(text).to.contain('on Hello world');
    expect(text).to.contain('demo');
    expect(text).to.contain('Pending');
    expect(text).to.contain('Held: it has links');
    const link = el.shadowRoot!.querySelector('.body a')!;
    expect(link.getAttribute('href')).to.equal('https://x.test/');
    expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener noreferrer');
  });

  it('shows a held reason it does not know as it came', async () => {
    const el = await fixture<ParleyAdminComment>(
      html`<parley-admin-comment .comment=${comment({ heldReason: 'new-rule' })}></parley-admin-comment>`,
    );
    expect(el.shadowRoot!.querySelector('.reason')!.textContent).to.contain('Held: new-rule');
  });

  it('sanitises the HTML again: scripts, handlers and javascript: links never reach the page', async () => {
    const w = window as unknown as { pwned?: number };
    w.pwned = 0;
    const c = comment({
      html: '<p>hi<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">x</a><svg onload="window.pwned=4"></svg></p>',
    });
    const el = await fixture<ParleyAdminComment>(html`<parley-admin-comment .comment=${c}></parley-admin-comment>`);
    await new Promise((r) => setTimeout(r, 50));
    const body = el.shadowRoot!.querySelector('.body')!;
    expect(body.querySelector('img, script, svg')).to.equal(null);
    expect(body.querySelector('a')!.hasAttribute('href')).to.equal(false);
    expect(body.innerHTML).not.to.contain('onerror');
    expect(w.pwned).to.equal(0);
  });

  it('fires one action event per button, naming the keystroke in aria-keyshortcuts', async () => {
    const c = comment();
    const el = await fixture<ParleyAdminComment>(html`<parley-admin-comment .comment=${c}></parley-admin-comment>`);
    const seen: ActionDetail[] = [];
    el.addEventListener('parley-admin-action', (e) => seen.push((e as CustomEvent<ActionDetail>).detail));
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')];
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).to.deep.equal(['a', 'r', 's', 'd', 'e', 'p', 'l', 'm', 'b']);
    for (const b of buttons) b.click();
    expect(seen.map((d) => d.action)).to.deep.equal([
      'approve',
      'reject',
      'spam',
      'delete',
      'edit',
      'pin',
      'lock',
      'reply',
      'ban',
    ]);
    expect(seen.every((d) => d.id === c.id)).to.equal(true);
  });

  it('offers no ban for a moderator’s own reply', async () => {
    const el = await fixture<ParleyAdminComment>(
      html`<parley-admin-comment .comment=${comment({ moderator: true, status: 'approved' })}></parley-admin-comment>`,
    );
    const keys = [...el.shadowRoot!.querySelectorAll('.actions button')].map((b) => b.getAttribute('aria-keyshortcuts'));
    expect(keys).to.not.include('b');
  });

  it('reports selection with shift for ranges', async () => {
    const el = await fixture<ParleyAdminComment>(html`<parley-admin-comment .comment=${comment()}></parley-admin-comment>`);
    const seen: SelectDetail[] = [];
    el.addEventListener('parley-admin-select', (e) => seen.push((e as CustomEvent<SelectDetail>).detail));
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    box.click();
    box.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true }));
    expect(seen.map((s) => [s.selected, s.range])).to.deep.equal([
      [true, false],
      [false, true],
    ]);
  });

  it('indents a reply by its depth without a style attribute', async () => {
    const el = await fixture<ParleyAdminComment>(
      html`<parley-admin-comment .comment=${comment({ depth: 2 })}></parley-admin-comment>`,
    );
    expect(el.getAttribute('depth')).to.equal('2');
    expect(el.hasAttribute('style')).to.equal(false);
    expect(getComputedStyle(el).marginInlineStart).to.equal('48px');
  });
});
