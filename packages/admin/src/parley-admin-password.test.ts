import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ParleyAdminPassword } from './parley-admin-password.js';
import { fakeServer, until } from './test-fake-server.js';
import './parley-admin-password.js';

describe('parley-admin-password', () => {
  it('is accessible; a refused password is told in the form, linked to it and read out; then it changes', async () => {
    let refuse = true;
    const fake = fakeServer({
      'POST /password': () =>
        refuse
          ? { status: 401, body: { code: 'invalid-credentials', detail: 'The current password is wrong' } }
          : { status: 204 },
    });
    const announced: string[] = [];
    try {
      const el = await fixture<ParleyAdminPassword>(html`<parley-admin-password></parley-admin-password>`);
      el.addEventListener('parley-admin-announce', (e) => announced.push((e as CustomEvent<{ message: string }>).detail.message));
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const form = root.querySelector('form')!;
      expect(form.getAttribute('aria-describedby')).to.equal('intro');
      (root.querySelector('input[name=current]') as HTMLInputElement).value = 'one-time password';
      (root.querySelector('input[name=new]') as HTMLInputElement).value = 'a long new password';
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(() => root.querySelector('#error'), 'the error');
      expect(root.querySelector('#error')!.textContent).to.equal('The current password is wrong');
      // Both the intro and the error describe the form, as the sign-in form's error does.
      expect(form.getAttribute('aria-describedby')).to.equal('intro error');
      expect(announced).to.deep.equal(['The current password is wrong']);
      await expect(el).to.be.accessible();

      refuse = false;
      const changed = oneEvent(el, 'parley-admin-password-changed');
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await changed;
      expect(fake.calls.at(-1)!.body).to.deep.equal({ currentPassword: 'one-time password', newPassword: 'a long new password' });
      expect(announced.at(-1)).to.equal('Password changed.');
    } finally {
      fake.restore();
    }
  });

  it('a refusal marks and focuses the field it is about; the button never drops focus', async () => {
    let answer: { status: number; body?: unknown } = {
      status: 401,
      body: { code: 'invalid-credentials', detail: 'The current password is wrong' },
    };
    const fake = fakeServer({ 'POST /password': () => answer });
    try {
      const el = await fixture<ParleyAdminPassword>(html`<parley-admin-password></parley-admin-password>`);
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const current = root.querySelector<HTMLInputElement>('input[name=current]')!;
      const next = root.querySelector<HTMLInputElement>('input[name=new]')!;
      const button = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
      current.value = 'not it at all';
      next.value = 'a long new password';
      button.focus();
      button.click();
      await el.updateComplete;
      // Busy: aria-disabled, so the button keeps focus; a second press sends nothing more.
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(root.activeElement).to.equal(button);
      button.click();
      await until(() => root.querySelector('#error'), 'the error');
      expect(fake.calls).to.have.length(1);
      await until(() => root.activeElement === current, 'focus on the current password');
      expect(current.getAttribute('aria-invalid')).to.equal('true');
      expect(current.getAttribute('aria-describedby')).to.equal('error');
      expect(next.hasAttribute('aria-invalid')).to.equal(false);
      await expect(el).to.be.accessible();

      answer = {
        status: 422,
        body: { code: 'invalid-fields', detail: 'Invalid', errors: [{ path: 'newPassword', message: 'is too common' }] },
      };
      button.click();
      await until(() => root.activeElement === next, 'focus on the new password');
      expect(root.querySelector('#error')!.textContent).to.equal('is too common');
      expect(next.getAttribute('aria-invalid')).to.equal('true');
      expect(current.hasAttribute('aria-invalid')).to.equal(false);
    } finally {
      fake.restore();
    }
  });
});
