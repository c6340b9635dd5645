import { expect, fixture, html } from '@open-wc/testing';
import type { ParleyAdminImport } from './parley-admin-import.js';
import { until } from './test-fake-server.js';
import './parley-admin-import.js';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Blob;
}

/** A stand-in XMLHttpRequest that reports upload progress in two steps, then answers `answer`. */
function fakeXhr(answer: { status: number; body: unknown }) {
  const original = window.XMLHttpRequest;
  const sent: Sent[] = [];
  class Fake {
    status = 0;
    statusText = '';
    responseText = '';
    upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    #url = '';
    #headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.#url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.#headers[name] = value;
    }
    send(body: Blob) {
      sent.push({ url: this.#url, headers: this.#headers, body });
      setTimeout(() => this.upload.onprogress?.({ lengthComputable: true, loaded: body.size / 2, total: body.size }), 10);
      setTimeout(() => {
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      }, 60);
    }
  }
  window.XMLHttpRequest = Fake as unknown as typeof XMLHttpRequest;
  return { sent, restore: () => (window.XMLHttpRequest = original) };
}

async function choose(el: ParleyAdminImport, content: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const files = new DataTransfer();
  files.items.add(new File([content], 'export.xml', { type: 'application/xml' }));
  input.files = files.files;
}

describe('parley-admin-import', () => {
  it('is accessible, uploads with progress and shows the summary', async () => {
    const xhr = fakeXhr({
      status: 200,
      body: {
        summary: {
          read: 11,
          imported: 9,
          skipped: 1,
          failed: 1,
          pages: 2,
          dryRun: false,
          skippedBy: { 'duplicate id in the file': 1 },
          failedBy: { 'missing or invalid creation date': 1 },
          failures: [{ sourceId: 'p9', reason: 'missing or invalid creation date', at: '<post> at line 142' }],
          warnings: [],
          warningCount: 0,
        },
      },
    });
    try {
      const el = await fixture<ParleyAdminImport>(
        html`<parley-admin-import .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-import>`,
      );
      await expect(el).to.be.accessible();
      await choose(el, '<disqus/>');
      el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=format]')!.value = 'disqus';
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name=mapUrl]')!.value = 'http://old.test/=https://new.test/';
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => el.shadowRoot!.textContent!.includes('Uploading… 50%'), 'the upload progress');
      expect(el.shadowRoot!.querySelector('progress')!.value).to.equal(0.5);
      await until(() => el.shadowRoot!.querySelector('#summary'), 'the summary');
      const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Imported 9 of 11 comments (1 skipped, 1 failed).');
      expect(text).to.contain('duplicate id in the file: 1');
      expect(text).to.contain('p9: missing or invalid creation date (<post> at line 142)');
      const url = new URL(xhr.sent[0]!.url, location.href);
      expect(url.pathname).to.equal('/api/admin/import');
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({
        site: 'demo',
        format: 'disqus',
        mapUrl: 'http://old.test/=https://new.test/',
      });
      expect(await xhr.sent[0]!.body.text()).to.equal('<disqus/>');
      expect(xhr.sent[0]!.headers).to.have.property('x-parley-csrf');
      await expect(el).to.be.accessible();
    } finally {
      xhr.restore();
    }
  });

  it('says when the file is too large for an upload', async () => {
    const xhr = fakeXhr({ status: 413, body: { code: 'payload-too-large', detail: 'too large' } });
    try {
      const el = await fixture<ParleyAdminImport>(
        html`<parley-admin-import .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-import>`,
      );
      await choose(el, 'x'.repeat(100));
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => el.shadowRoot!.querySelector('.error'), 'the error');
      expect(el.shadowRoot!.querySelector('.error')!.textContent).to.equal(
        'The file is too large to upload; use pnpm parley import on the server.',
      );
    } finally {
      xhr.restore();
    }
  });

  it('a failed import keeps focus in the form: on the file for a malformed one, on the URL rule when that is wrong', async () => {
    let xhr = fakeXhr({ status: 422, body: { code: 'malformed-file', detail: 'The file is malformed at line 3' } });
    try {
      const el = await fixture<ParleyAdminImport>(
        html`<parley-admin-import .sites=${[{ id: 'demo', name: 'Demo' }]}></parley-admin-import>`,
      );
      await expect(el).to.be.accessible();
      const root = el.shadowRoot!;
      const file = root.querySelector<HTMLInputElement>('input[type=file]')!;
      const button = root.querySelector<HTMLButtonElement>('button.primary')!;
      await choose(el, '<disqus');
      button.focus();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(root.activeElement).to.equal(button);
      await until(() => root.activeElement === file, 'focus on the file');
      expect(root.querySelector('#import-error')!.textContent).to.equal('The file is malformed at line 3');
      expect(file.getAttribute('aria-invalid')).to.equal('true');
      expect(file.getAttribute('aria-describedby')).to.equal('import-error');
      expect(xhr.sent).to.have.length(1);
      await expect(el).to.be.accessible();
      xhr.restore();

      xhr = fakeXhr({
        status: 422,
        body: { code: 'invalid-fields', detail: 'Invalid', errors: [{ path: 'mapUrl', message: 'write FROM=TO' }] },
      });
      const mapUrl = root.querySelector<HTMLInputElement>('input[name=mapUrl]')!;
      mapUrl.value = 'nonsense';
      button.click();
      await until(() => root.activeElement === mapUrl, 'focus on the URL rule');
      expect(mapUrl.getAttribute('aria-invalid')).to.equal('true');
      expect(file.hasAttribute('aria-invalid')).to.equal(false);
    } finally {
      xhr.restore();
    }
  });
});
