import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import type { ImportSummary, SiteSummary } from './api-types.js';
import { AdminElement } from './base.js';
import type { TermKey } from './i18n/en.js';
import { shared } from './styles.js';

const FORMATS = ['disqus', 'wordpress', 'isso', 'remark42', 'commento', 'parley'] as const;

/**
 * Import as an upload (owners): an export file of another system, or Parley's own, sent to
 * `POST /api/admin/import`, read by the same importers as `pnpm parley import`. Shows the upload's
 * progress, then the summary (counts, and the reasons records were skipped or failed).
 */
@customElement('parley-admin-import')
export class ParleyAdminImport extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        max-width: 40rem;
      }
      .field > input {
        width: 100%;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      progress {
        width: 100%;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 1rem;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  @state() private progress?: number;
  @state() private working = false;
  @state() private summary?: ImportSummary;
  @state() private error = '';
  /** The field the last failure was about (`file` or `mapUrl`), marked and focused. */
  @state() private invalid = '';

  /** Sites to import into. */
  @property({ attribute: false }) sites: SiteSummary[] = [];

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.working) return;
    const t = this.i18n;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || !file.size) return;
    this.summary = undefined;
    this.error = '';
    this.invalid = '';
    this.progress = 0;
    this.working = true;
    try {
      const summary = await this.api.importFile(
        file,
        {
          site: String(data.get('site')),
          format: String(data.get('format')),
          dryRun: data.get('dryRun') === 'on',
          mapUrl: String(data.get('mapUrl') ?? '').trim() || undefined,
        },
        (fraction) => (this.progress = fraction),
      );
      this.summary = summary;
      this.announce(
        t.t(summary.dryRun ? 'import.dryDone' : 'import.done', {
          imported: summary.imported,
          read: summary.read,
          skipped: summary.skipped,
          failed: summary.failed,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 413) {
        this.error = t.t('import.tooLarge');
        this.invalid = 'file';
        this.announce(this.error);
      } else if (err instanceof ApiError && (err.status === 422 || err.status === 404)) {
        this.error = err.errors.length ? err.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : err.message;
        // A 422 without field errors is about the file itself (malformed); with them, about the URL rule.
        if (err.status === 422 && !err.errors.length) this.invalid = 'file';
        else if (err.errors.some((x) => x.path === 'mapUrl')) this.invalid = 'mapUrl';
        this.announce(this.error);
      } else this.error = this.fail(err);
    } finally {
      this.working = false;
      this.progress = undefined;
    }
    // Focus stays on the button (aria-disabled while working), or goes to the field at fault.
    if (this.invalid) {
      await this.updateComplete;
      form.querySelector<HTMLElement>(`[name=${this.invalid}]`)?.focus();
    }
  }

  #invalid(field: string) {
    return this.invalid === field ? 'true' : nothing;
  }

  #described(field: string) {
    return this.invalid === field ? 'import-error' : nothing;
  }

  #renderSummary(s: ImportSummary) {
    const t = this.i18n;
    const reasons = Object.entries({ ...s.skippedBy, ...s.failedBy });
    return html`<section aria-labelledby="summary">
      <h2 id="summary">${t.t('import.summary')}</h2>
      <p>
        ${t.t(s.dryRun ? 'import.dryDone' : 'import.done', {
          imported: s.imported,
          read: s.read,
          skipped: s.skipped,
          failed: s.failed,
        })}
      </p>
      <dl>
        <dt>${t.t('import.read')}</dt>
        <dd>${s.read}</dd>
        <dt>${t.t('import.imported')}</dt>
        <dd>${s.imported}</dd>
        <dt>${t.t('import.skipped')}</dt>
        <dd>${s.skipped}</dd>
        <dt>${t.t('import.failed')}</dt>
        <dd>${s.failed}</dd>
        <dt>${t.t('import.pages')}</dt>
        <dd>${s.pages}</dd>
      </dl>
      ${
        reasons.length
          ? html`<h3>${t.t('import.reasons')}</h3>
            <ul>
              ${reasons.map(([reason, n]) => html`<li>${reason}: ${n}</li>`)}
            </ul>`
          : nothing
      }
      ${
        s.failures.length
          ? html`<ul>
            ${s.failures.map((f) => html`<li>${f.sourceId}: ${f.reason}${f.at ? ` (${f.at})` : ''}</li>`)}
          </ul>`
          : nothing
      }
    </section>`;
  }

  override render() {
    const t = this.i18n;
    const percent = this.progress === undefined ? '' : `${Math.round(this.progress * 100)}%`;
    return html`<h1 tabindex="-1">${t.t('import.heading')}</h1>
      <p>${t.t('import.intro')}</p>
      <form @submit=${this.#submit}>
        <label class="field"
          >${t.t('import.file')}<input
            type="file"
            name="file"
            required
            aria-invalid=${this.#invalid('file')}
            aria-describedby=${this.#described('file')}
        /></label>
        <div class="fields">
          <label
            >${t.t('import.format')}
            <select name="format">
              ${FORMATS.map((f) => html`<option value=${f}>${t.t(`import.format.${f}` as TermKey)}</option>`)}
            </select></label
          >
          <label
            >${t.t('common.site')}
            <select name="site">
              ${this.sites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
            </select></label
          >
        </div>
        <label class="field"
          >${t.t('import.mapUrl')}<input
            name="mapUrl"
            placeholder="http://old.example/=https://new.example/"
            aria-invalid=${this.#invalid('mapUrl')}
            aria-describedby=${this.#described('mapUrl')}
        /></label>
        <label class="check"><input type="checkbox" name="dryRun" />${t.t('import.dryRun')}</label>
        <div><button class="primary" aria-disabled=${this.working ? 'true' : nothing}>${t.t('import.submit')}</button></div>
      </form>
      ${
        this.working
          ? html`<p>
            <label
              >${this.progress !== undefined && this.progress < 1 ? t.t('import.uploading', { percent }) : t.t('import.working')}
              <progress max="1" .value=${this.progress ?? 0}></progress
            ></label>
          </p>`
          : nothing
      }
      ${this.error ? html`<p class="error" id="import-error">${this.error}</p>` : nothing} ${this.summary ? this.#renderSummary(this.summary) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-import': ParleyAdminImport;
  }
}
