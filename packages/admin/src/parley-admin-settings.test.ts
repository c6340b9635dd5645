import { expect, fixture, html } from '@open-wc/testing';
import type { SettingSpec } from './api-types.js';
import { terms as de } from './i18n/locales/de.js';
import { LANGUAGES, loadTerms, Translator } from './i18n/translator.js';
import type { ParleyAdminSettings } from './parley-admin-settings.js';
import { fakeServer, until } from './test-fake-server.js';
import './parley-admin-settings.js';

const SPEC: SettingSpec[] = [
  {
    key: 'moderation',
    cli: 'moderation',
    type: 'enum',
    values: ['none', 'links', 'first', 'all'],
    description: 'Which comments are held',
  },
  { key: 'maxDepth', cli: 'max-depth', type: 'integer', min: 0, max: 100, description: 'Reply nesting depth' },
  { key: 'requireName', cli: 'require-name', type: 'boolean', description: 'A name is required' },
];

describe('parley-admin-settings', () => {
  it('is accessible, builds the form from the spec and saves every field', async () => {
    const fake = fakeServer({
      'GET /settings-spec': () => ({ body: { settings: SPEC } }),
      'GET /sites/demo': () => ({
        body: {
          site: { id: 'demo', name: 'Demo', origins: ['https://news.test'] },
          settings: { moderation: 'none', maxDepth: 3, requireName: false },
        },
      }),
      'PATCH /sites/demo': (c) => {
        const b = c.body as { name: string; origins: string[]; settings: Record<string, unknown> };
        if ((b.settings.maxDepth as number) > 100) {
          return {
            status: 422,
            body: { code: 'invalid-fields', errors: [{ path: 'settings.maxDepth', message: 'must be an integer 0-100' }] },
          };
        }
        return { body: { site: { id: 'demo', name: b.name, origins: b.origins }, settings: b.settings } };
      },
    });
    try {
      const el = await fixture<ParleyAdminSettings>(
        html`<parley-admin-settings .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-settings>`,
      );
      await until(() => el.shadowRoot!.querySelector('form'), 'the form');
      await expect(el).to.be.accessible();
      const field = (name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[name=${name}]`)!;
      expect(field('maxDepth').value).to.equal('3');
      expect((field('site-origins') as unknown as HTMLTextAreaElement).value).to.equal('https://news.test');
      (field('moderation') as unknown as HTMLSelectElement).value = 'all';
      field('requireName').checked = true;
      (field('site-origins') as unknown as HTMLTextAreaElement).value = 'https://news.test\nhttps://blog.test\n';
      field('maxDepth').value = '101';
      const save = () => el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
      field('maxDepth').removeAttribute('max');
      save();
      await until(() => el.shadowRoot!.querySelector('#maxDepth-error'), 'the field error');
      expect(el.shadowRoot!.querySelector('#maxDepth-error')!.textContent).to.equal('must be an integer 0-100');
      expect(field('maxDepth').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(field('maxDepth'));
      await expect(el).to.be.accessible();
      field('maxDepth').value = '5';
      save();
      await until(() => !el.shadowRoot!.querySelector('#maxDepth-error'), 'the save');
      expect(fake.calls.at(-1)!.body).to.deep.equal({
        name: 'Demo',
        origins: ['https://news.test', 'https://blog.test'],
        settings: { moderation: 'all', maxDepth: 5, requireName: true },
      });
    } finally {
      fake.restore();
    }
  });

  it('labels, hints and choices come from the locale table; a setting the console does not know shows the server text', async () => {
    const spec: SettingSpec[] = [
      ...SPEC,
      { key: 'futureThing', cli: 'future-thing', type: 'boolean', description: 'Something newer than this console' },
    ];
    const fake = fakeServer({
      'GET /settings-spec': () => ({ body: { settings: spec } }),
      'GET /sites/demo': () => ({
        body: {
          site: { id: 'demo', name: 'Demo', origins: [] },
          settings: { moderation: 'links', maxDepth: 3, requireName: false, futureThing: true },
        },
      }),
    });
    try {
      const el = await fixture<ParleyAdminSettings>(
        html`<parley-admin-settings .i18n=${new Translator('de', de)} .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-settings>`,
      );
      await until(() => el.shadowRoot!.querySelector('form'), 'the form');
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const label = (key: string) => root.querySelector(`label[for=${key}]`)?.textContent?.trim();
      expect(label('maxDepth')).to.equal('Antworttiefe');
      expect(root.querySelector('#maxDepth-hint')!.textContent).to.equal(de['setting.maxDepth.hint']);
      expect(label('moderation')).to.equal('Moderation');
      const options = [...root.querySelectorAll<HTMLOptionElement>('#moderation option')].map((o) => [o.value, o.textContent]);
      expect(options).to.deep.equal([
        ['none', de['setting.moderation.none']],
        ['links', de['setting.moderation.links']],
        ['first', de['setting.moderation.first']],
        ['all', de['setting.moderation.all']],
      ]);
      expect(root.querySelector<HTMLSelectElement>('#moderation')!.value).to.equal('links');
      expect(root.querySelector('#requireName')!.closest('label')!.textContent!.trim()).to.equal('Name erforderlich');
      expect(root.querySelector('#futureThing')!.closest('label')!.textContent!.trim()).to.equal('future-thing');
      expect(root.querySelector('#futureThing-hint')!.textContent).to.equal('Something newer than this console');
    } finally {
      fake.restore();
    }
  });

  it('blocked words are a textarea sent as a list; a type the console does not know is shown, never sent', async () => {
    const spec: SettingSpec[] = [
      { key: 'blockedWords', cli: 'blocked-words', type: 'words', maxItems: 1000, maxLength: 100, description: 'Words' },
      { key: 'quietHours', cli: 'quiet-hours', type: 'timespan', description: 'Something newer than this console' },
    ];
    const fake = fakeServer({
      'GET /settings-spec': () => ({ body: { settings: spec } }),
      'GET /sites/demo': () => ({
        body: {
          site: { id: 'demo', name: 'Demo', origins: [] },
          settings: { blockedWords: ['casino', 'cheap pills'], quietHours: '22-06' },
        },
      }),
      'PATCH /sites/demo': (c) => ({ body: { site: { id: 'demo', name: 'Demo', origins: [] }, ...(c.body as object) } }),
    });
    try {
      const el = await fixture<ParleyAdminSettings>(
        html`<parley-admin-settings .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-settings>`,
      );
      await until(() => el.shadowRoot!.querySelector('form'), 'the form');
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const words = root.querySelector<HTMLTextAreaElement>('textarea#blockedWords')!;
      expect(words.value).to.equal('casino\ncheap pills');
      const unknown = root.querySelector<HTMLInputElement>('#quietHours')!;
      expect(unknown.readOnly).to.equal(true);
      expect(unknown.value).to.equal('22-06');
      expect(root.querySelector('#quietHours-hint')!.textContent).to.contain('cannot change this setting');
      words.value = ' casino \n\nfree money\n';
      root.querySelector('form')!.requestSubmit();
      await until(() => fake.calls.some((c) => c.method === 'PATCH'), 'the save');
      expect((fake.calls.find((c) => c.method === 'PATCH')!.body as { settings: unknown }).settings).to.deep.equal({
        blockedWords: ['casino', 'free money'],
      });
    } finally {
      fake.restore();
    }
  });

  it('loads once the sites arrive (a reload on #/settings shows the view before the root has them)', async () => {
    const fake = fakeServer({
      'GET /settings-spec': () => ({ body: { settings: SPEC } }),
      'GET /sites/demo': () => ({
        body: {
          site: { id: 'demo', name: 'Demo', origins: [] },
          settings: { moderation: 'all', maxDepth: 3, requireName: true },
        },
      }),
    });
    try {
      const el = await fixture<ParleyAdminSettings>(html`<parley-admin-settings></parley-admin-settings>`);
      await expect(el).to.be.accessible();
      el.sites = [{ id: 'demo', name: 'Demo' }];
      await until(() => el.shadowRoot!.querySelector('form'), 'the form');
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#moderation')!.value).to.equal('all');
    } finally {
      fake.restore();
    }
  });

  it('every setting of the server has a label and a hint in English and in every locale', async () => {
    const keys = [
      'moderation',
      'requireName',
      'requireEmail',
      'maxDepth',
      'maxLength',
      'editWindowSeconds',
      'rateLimitPerMinute',
      'rateLimitPerHour',
      'requireFormToken',
      'linkLimit',
      'refuseDuplicates',
      'blockedWords',
      'blockedWordsAction',
      'flagThreshold',
      'autoCloseDays',
    ];
    const needed = keys.flatMap((k) => [`setting.${k}`, `setting.${k}.hint`]);
    expect(LANGUAGES.length).to.be.above(2);
    for (const lang of LANGUAGES) {
      const table: Record<string, unknown> = (await loadTerms(lang)) ?? {};
      expect(needed.filter((k) => !(k in table))).to.deep.equal([], lang);
    }
  });
});
