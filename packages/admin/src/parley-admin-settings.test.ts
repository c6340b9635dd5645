import { expect, fixture, html } from '@open-wc/testing';
import type { SettingSpec } from './api.js';
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
});
