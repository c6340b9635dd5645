import { expect, fixture, html } from '@open-wc/testing';
import type { Admin } from './api-types.js';
import type { ParleyAdmin } from './parley-admin.js';
import { comment, fakeServer, press, until } from './test-fake-server.js';
import './parley-admin.js';

const OWNER: Admin = { id: 'a1', email: 'owner@example.com', name: 'Owner', role: 'owner', sites: [], mustChangePassword: false };
const deep = (root: Element, ...selectors: string[]): Element | null => {
  let el: Element | null = root;
  for (const s of selectors) el = (el?.shadowRoot ?? el)?.querySelector(s) ?? null;
  return el;
};

function api(options: { signedIn?: boolean; password?: string; locale?: string } = {}) {
  let signedIn = options.signedIn ?? false;
  const owner: Admin = { ...OWNER, locale: options.locale ?? null };
  const held = comment({ author: { name: 'Held Reader' } });
  return fakeServer({
    'GET /session': () =>
      signedIn ? { body: { admin: owner, csrfToken: 'tok' } } : { status: 401, body: { code: 'session-required' } },
    'POST /login': (c) => {
      const body = c.body as { email: string; password: string };
      if (body.password !== (options.password ?? 'right password')) {
        return { status: 401, body: { code: 'invalid-credentials', detail: 'Wrong e-mail or password' } };
      }
      signedIn = true;
      return { body: { admin: owner, csrfToken: 'tok' } };
    },
    'POST /logout': () => {
      signedIn = false;
      return { status: 204 };
    },
    'PATCH /me': (c) => ({ body: { admin: { ...owner, locale: (c.body as { locale: string }).locale } } }),
    'GET /sites': () => ({ body: { sites: [{ id: 'demo', name: 'Demo', origins: [] }] } }),
    'GET /queue': () => ({ body: { comments: [held], nextCursor: null } }),
    [`POST /comments/${held.id}/approve`]: () => ({ body: { comment: { ...held, status: 'approved' } } }),
  });
}

describe('parley-admin', () => {
  beforeEach(() => {
    localStorage.clear();
    location.hash = '';
  });

  it('is accessible, signs in, shows the queue, and sends the CSRF token with each change', async () => {
    const fake = api();
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-login', 'form'), 'the sign-in form');
      await expect(el).to.be.accessible();
      const login = deep(el, 'parley-admin-login')!;
      (deep(login, 'input[name=email]') as HTMLInputElement).value = 'owner@example.com';
      (deep(login, 'input[name=password]') as HTMLInputElement).value = 'right password';
      (deep(login, 'button[type=submit]') as HTMLButtonElement).click();
      await until(() => deep(el, 'parley-admin-queue', 'parley-admin-list'), 'the queue');
      await expect(el).to.be.accessible();
      const live = deep(el, '[role=status]')!;
      await until(() => live.textContent?.includes('1 comment waiting'), 'the count read out');
      const queue = deep(el, 'parley-admin-queue')!;
      await until(() => queue.shadowRoot!.activeElement?.tagName === 'H1', 'focus on the heading');
      // Shortcuts act only inside the list: from the heading, "r" rejects nothing (had it, the
      // list would be busy with it and ignore the "a" below).
      press('r');
      (deep(queue, 'parley-admin-list', 'parley-admin-comment') as HTMLElement).focus();
      press('a');
      await until(() => live.textContent?.includes('Approved 1 comment.'), 'the approval read out');
      expect(fake.calls.filter((c) => c.path.endsWith('/reject'))).to.have.length(0);
      const approve = fake.calls.find((c) => c.path.endsWith('/approve'))!;
      expect(approve.headers.get('x-parley-csrf')).to.equal('tok');
      expect(fake.calls.find((c) => c.path === '/login')!.body).to.deep.equal({
        email: 'owner@example.com',
        password: 'right password',
      });
    } finally {
      fake.restore();
    }
  });

  it('a wrong password is told in the form and read out; the password field is emptied', async () => {
    const fake = api();
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-login', 'form'), 'the sign-in form');
      const login = deep(el, 'parley-admin-login')!;
      (deep(login, 'input[name=email]') as HTMLInputElement).value = 'owner@example.com';
      (deep(login, 'input[name=password]') as HTMLInputElement).value = 'wrong';
      (deep(login, 'button[type=submit]') as HTMLButtonElement).click();
      await until(() => deep(login, '#error'), 'the error');
      expect(deep(login, '#error')!.textContent).to.equal('Wrong e-mail or password.');
      expect((deep(login, 'input[name=password]') as HTMLInputElement).value).to.equal('');
      await until(() => deep(el, '[role=status]')!.textContent === 'Wrong e-mail or password.', 'read out');
      await expect(el).to.be.accessible();
    } finally {
      fake.restore();
    }
  });

  it('signs out back to the sign-in form', async () => {
    const fake = api({ signedIn: true });
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'header'), 'the console');
      const out = [...el.shadowRoot!.querySelectorAll('header button')].find(
        (b) => b.textContent === 'Sign out',
      ) as HTMLButtonElement;
      out.click();
      await until(() => deep(el, 'parley-admin-login'), 'the sign-in form');
      expect(fake.calls.some((c) => c.method === 'POST' && c.path === '/logout')).to.equal(true);
      await until(() => deep(el, '[role=status]')!.textContent === 'Signed out.', 'read out');
    } finally {
      fake.restore();
    }
  });

  it('? opens the shortcut overlay listing every action key', async () => {
    const fake = api({ signedIn: true });
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-queue'), 'the console');
      press('?');
      const dialog = deep(el, 'parley-admin-help', 'dialog') as HTMLDialogElement;
      await until(() => dialog.open, 'the overlay');
      const keys = [...dialog.querySelectorAll('kbd')].map((k) => k.textContent);
      expect(keys).to.deep.equal(['j', 'k', 'x', 'a', 'r', 's', 'd', 'e', 'p', 'l', 'm', 'b', '?']);
      await expect(deep(el, 'parley-admin-help')).to.be.accessible();
    } finally {
      fake.restore();
    }
  });

  it('the theme toggle forces dark or light and is remembered', async () => {
    const fake = api({ signedIn: true });
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'header'), 'the console');
      const select = [...el.shadowRoot!.querySelectorAll('select')].find((s) =>
        s.closest('label')?.textContent?.includes('Theme'),
      )!;
      select.value = 'dark';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(document.documentElement.dataset.theme).to.equal('dark');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(13, 17, 23)');
      expect(localStorage.getItem('parley-admin-theme')).to.equal('dark');
      await expect(el).to.be.accessible();
      select.value = 'light';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      fake.restore();
    }
  });

  it('speaks Traditional Chinese to a zh-TW browser and names both Chinese tables in the language menu', async () => {
    const fake = api({ signedIn: true });
    Object.defineProperty(navigator, 'languages', { value: ['zh-TW', 'en-US'], configurable: true });
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-queue', 'h1'), 'the console');
      await expect(el).to.be.accessible();
      expect(document.documentElement.lang).to.equal('zh-Hant');
      expect(deep(el, 'parley-admin-queue', 'h1')!.textContent).to.equal('審核佇列');
      const live = deep(el, '[role=status]')!;
      await until(() => live.textContent?.includes('1 則留言待審核'), 'the count read out');
      const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('option[lang]')];
      const names = Object.fromEntries(options.map((o) => [o.value, o.textContent!.trim()]));
      expect([names.zh, names['zh-Hant']]).to.deep.equal(['简体中文', '繁體中文']);
      expect(options.find((o) => o.selected)?.value).to.equal('zh-Hant');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      document.documentElement.lang = 'en';
      fake.restore();
    }
  });

  it('speaks German when chosen, with English for any missing term', async () => {
    const fake = api({ signedIn: true });
    try {
      localStorage.setItem('parley-admin-lang', 'de');
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-queue', 'h1'), 'the console');
      expect(document.documentElement.lang).to.equal('de');
      expect(deep(el, 'parley-admin-queue', 'h1')!.textContent).to.equal('Moderationswarteschlange');
    } finally {
      fake.restore();
    }
  });

  it('sends its language on sign-in and on each change of language, so moderator mails speak it', async () => {
    const fake = api();
    try {
      localStorage.setItem('parley-admin-lang', 'de');
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-login', 'form'), 'the sign-in form');
      expect(
        fake.calls.some((c) => c.path === '/me'),
        'nothing sent before signing in',
      ).to.equal(false);
      const login = deep(el, 'parley-admin-login')!;
      (deep(login, 'input[name=email]') as HTMLInputElement).value = 'owner@example.com';
      (deep(login, 'input[name=password]') as HTMLInputElement).value = 'right password';
      (deep(login, 'button[type=submit]') as HTMLButtonElement).click();
      const sent = () => fake.calls.filter((c) => c.method === 'PATCH' && c.path === '/me');
      await until(() => sent().length === 1, 'the language sent on sign-in');
      expect(sent()[0]!.body).to.deep.equal({ locale: 'de' });
      expect(sent()[0]!.headers.get('x-parley-csrf')).to.equal('tok');
      await until(() => deep(el, 'parley-admin-queue', 'h1'), 'the console');
      const select = [...el.shadowRoot!.querySelectorAll('select')].find((s) => s.querySelector('option[lang]'))!;
      select.value = 'zh-Hant';
      select.dispatchEvent(new Event('change'));
      await until(() => sent().length === 2, 'the language sent on change');
      expect(sent()[1]!.body).to.deep.equal({ locale: 'zh-Hant' });
    } finally {
      document.documentElement.lang = 'en';
      fake.restore();
    }
  });

  it("keeps the account's stored language: a browser without a choice of its own shows it and sends nothing", async () => {
    const fake = api({ signedIn: true, locale: 'de' });
    try {
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(
        () => deep(el, 'parley-admin-queue', 'h1')?.textContent === 'Moderationswarteschlange',
        'the console in German',
      );
      expect(document.documentElement.lang).to.equal('de');
      expect(fake.calls.filter((c) => c.method === 'PATCH' && c.path === '/me')).to.have.length(0);
    } finally {
      document.documentElement.lang = 'en';
      fake.restore();
    }
  });

  it('does not overwrite a stored language with the choice kept in this browser on load', async () => {
    const fake = api({ signedIn: true, locale: 'de' });
    try {
      localStorage.setItem('parley-admin-lang', 'fr');
      const el = await fixture<ParleyAdmin>(html`<parley-admin></parley-admin>`);
      await until(() => deep(el, 'parley-admin-queue', 'h1'), 'the console');
      expect(document.documentElement.lang).to.equal('fr');
      expect(fake.calls.filter((c) => c.method === 'PATCH' && c.path === '/me')).to.have.length(0);
    } finally {
      document.documentElement.lang = 'en';
      fake.restore();
    }
  });
});
