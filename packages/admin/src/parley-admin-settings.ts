import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import type { SettingSpec, SiteDetail, SiteSummary } from './api-types.js';
import { AdminElement } from './base.js';
import { shared } from './styles.js';

/**
 * A site's settings as a form built from the API's settings spec (so a setting added on the
 * server shows up here without a console change): checkboxes, numbers with their bounds,
 * choices, and lists one per line. Field errors from a 422 are shown beside their field and the
 * first bad field is focused.
 */
@customElement('parley-admin-settings')
export class ParleyAdminSettings extends AdminElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 1rem;
        max-width: 40rem;
      }
      .setting {
        display: grid;
        gap: 0.2rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      textarea {
        min-height: 5rem;
      }
      .hint {
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private spec?: SettingSpec[];
  @state() private values: Record<string, unknown> = {};
  @state() private detail?: SiteDetail;
  @state() private errors: Record<string, string> = {};
  @state() private error = '';
  @state() private busy = false;

  /** Sites to choose from. */
  @property({ attribute: false }) sites: SiteSummary[] = [];
  /** The site whose settings are shown (the first site when empty). */
  @property() site = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the spec and the values of `site`. */
  async load(): Promise<void> {
    const site = this.site || this.sites[0]?.id;
    if (!site) return;
    this.site = site;
    this.errors = {};
    try {
      const [spec, detail] = await Promise.all([this.spec ?? this.api.settingsSpec(), this.api.site(site)]);
      this.spec = spec;
      this.detail = detail;
      this.values = detail.settings;
    } catch (e) {
      this.error = this.fail(e);
    }
  }

  #read(form: HTMLFormElement): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.spec ?? []) {
      const field = form.elements.namedItem(s.key) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      if (!field) continue;
      if (s.type === 'boolean') out[s.key] = (field as HTMLInputElement).checked;
      else if (s.type === 'integer') out[s.key] = field.value === '' ? null : Number(field.value);
      else if (s.type === 'list') out[s.key] = lines(field.value);
      else out[s.key] = field.value;
    }
    return out;
  }

  async #save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const t = this.i18n;
    const data = new FormData(form);
    this.busy = true;
    this.errors = {};
    this.error = '';
    try {
      this.detail = await this.api.saveSite(this.site, {
        name: String(data.get('site-name') ?? '').trim(),
        origins: lines(String(data.get('site-origins') ?? '')),
        settings: this.#read(form),
      });
      this.values = this.detail.settings;
      this.announce(t.t('settings.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.errors.length) {
        // Paths like `settings.maxDepth`, `origins[1]` or `name` name the field to mark.
        this.errors = Object.fromEntries(
          err.errors.map((x) => {
            const [head = '', key = ''] = x.path.split('.');
            const field = head === 'settings' ? key : `site-${head.replace(/\[\d+\]$/, '')}`;
            return [field, x.message];
          }),
        );
        this.error = t.t('settings.invalid');
        this.announce(this.error);
        await this.updateComplete;
        form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      } else this.error = this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  #field(s: SettingSpec, value: unknown, name?: string) {
    const t = this.i18n;
    // The console's own words for the settings it knows; a setting newer than the console shows
    // the server's name and (English) description.
    const label = name ?? t.maybe(`setting.${s.key}`) ?? s.cli ?? s.key;
    const description = name ? s.description : (t.maybe(`setting.${s.key}.hint`) ?? s.description);
    const err = this.errors[s.key];
    const describedBy = [description ? `${s.key}-hint` : '', err ? `${s.key}-error` : ''].filter(Boolean).join(' ');
    const hint = description ? html`<span class="hint muted" id="${s.key}-hint">${description}</span>` : nothing;
    const error = err ? html`<span class="error" id="${s.key}-error">${err}</span>` : nothing;
    const common = { describedBy: describedBy || nothing, invalid: err ? 'true' : nothing };
    if (s.type === 'boolean') {
      return html`<div class="setting">
        <label class="check"
          ><input
            type="checkbox"
            id=${s.key} name=${s.key}
            .checked=${Boolean(value)}
            aria-describedby=${common.describedBy}
            aria-invalid=${common.invalid}
          />${label}</label
        >${hint}${error}
      </div>`;
    }
    let control: unknown;
    if (s.type === 'enum') {
      control = html`<select id=${s.key} name=${s.key} aria-describedby=${common.describedBy} aria-invalid=${common.invalid}>
        ${(s.values ?? []).map((o) => html`<option value=${o} ?selected=${o === value}>${t.maybe(`setting.${s.key}.${o}`) ?? o}</option>`)}
      </select>`;
    } else if (s.type === 'list') {
      control = html`<textarea
        id=${s.key} name=${s.key}
        .value=${Array.isArray(value) ? value.join('\n') : ''}
        aria-describedby=${common.describedBy}
        aria-invalid=${common.invalid}
      ></textarea>`;
    } else if (s.type === 'integer') {
      control = html`<input
        type="number"
        id=${s.key} name=${s.key}
        step="1"
        min=${s.min ?? nothing}
        max=${s.max ?? nothing}
        .value=${value === null || value === undefined ? '' : String(value)}
        aria-describedby=${common.describedBy}
        aria-invalid=${common.invalid}
      />`;
    } else {
      control = html`<input
        id=${s.key} name=${s.key}
        .value=${value === null || value === undefined ? '' : String(value)}
        aria-describedby=${common.describedBy}
        aria-invalid=${common.invalid}
      />`;
    }
    return html`<div class="setting">
      <label for=${s.key}>${label}${s.type === 'list' ? html` <span class="muted">(${t.t('settings.listHint')})</span>` : nothing}</label>
      ${control}${hint}${error}
    </div>`;
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('settings.heading')}</h1>
      <div class="fields">
        <label
          >${t.t('common.site')}
          <select
            @change=${(e: Event) => {
              this.site = (e.currentTarget as HTMLSelectElement).value;
              void this.load();
            }}
          >
            ${this.sites.map((s) => html`<option value=${s.id} ?selected=${s.id === this.site}>${s.name}</option>`)}
          </select></label
        >
      </div>
      ${
        this.spec
          ? html`<form @submit=${this.#save} aria-label=${t.t('settings.heading')}>
            ${this.#field({ key: 'site-name', type: 'string', description: '' }, this.detail?.site.name, t.t('settings.name'))}
            ${this.#field({ key: 'site-origins', type: 'list', description: t.t('settings.originsHint') }, this.detail?.site.origins, t.t('settings.origins'))}
            ${this.spec.map((s) => this.#field(s, this.values[s.key]))}
            ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
            <div><button class="primary" ?disabled=${this.busy}>${t.t('common.save')}</button></div>
          </form>`
          : this.error
            ? html`<p class="error">${this.error}</p>`
            : html`<p class="muted">${t.t('common.loading')}</p>`
      }`;
  }
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-settings': ParleyAdminSettings;
  }
}
