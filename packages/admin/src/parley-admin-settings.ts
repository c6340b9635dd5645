import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from './api-request.js';
import type { SettingSpec, SiteDetail, SiteSummary } from './api-types.js';
import { AdminElement } from './base.js';
import { settingField } from './setting-field.js';
import { isSettingType, lines, settingValue } from './setting-values.js';
import { shared } from './styles.js';

/**
 * A site's settings as a form built from the API's settings spec (so a setting added on the
 * server shows up here without a console change): checkboxes, numbers with their bounds,
 * choices, and word lists one per line (`setting-values.ts` lists the types it edits; one newer
 * than the console is shown read-only and left out of the save). Field errors from a 422 are
 * shown beside their field and the first bad field is focused.
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
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
        max-width: 40rem;
      }
      .setting {
        display: grid;
        gap: 0.2rem;
        min-width: 0;
      }
      .setting :is(input:not([type='checkbox']), select, textarea) {
        width: 100%;
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

  protected override updated(changed: PropertyValues<this>): void {
    // The root fetches the sites after it shows the view (a reload on #/settings): load once they come.
    if (changed.has('sites') && !this.site && this.sites.length) void this.load();
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

  /** The values of every setting the console can edit; a type it does not know is left as it is. */
  #read(form: HTMLFormElement): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.spec ?? []) {
      const field = form.elements.namedItem(s.key) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
      if (field && isSettingType(s.type)) out[s.key] = settingValue(s.type, field as { value: string; checked?: boolean });
    }
    return out;
  }

  async #save(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
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

  #field(s: SettingSpec) {
    const t = this.i18n;
    // The console's own words for the settings it knows; a setting newer than the console shows
    // the server's name and (English) description.
    const label = t.maybe(`setting.${s.key}`);
    return settingField(t, {
      key: s.key,
      label: label ?? s.cli ?? s.key,
      hint: (label && t.maybe(`setting.${s.key}.hint`)) || s.description || '',
      kind: isSettingType(s.type) ? s.type : 'unknown',
      value: this.values[s.key],
      error: this.errors[s.key] ?? '',
      min: s.min,
      max: s.max,
      options: (s.values ?? []).map((o) => [o, t.maybe(`setting.${s.key}.${o}`) ?? o]),
    });
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
            ${settingField(t, {
              key: 'site-name',
              label: t.t('settings.name'),
              hint: '',
              kind: 'text',
              value: this.detail?.site.name,
              error: this.errors['site-name'] ?? '',
            })}
            ${settingField(t, {
              key: 'site-origins',
              label: t.t('settings.origins'),
              hint: t.t('settings.originsHint'),
              kind: 'lines',
              value: this.detail?.site.origins,
              error: this.errors['site-origins'] ?? '',
            })}
            ${this.spec.map((s) => this.#field(s))}
            ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
            <div><button class="primary" aria-disabled=${this.busy ? 'true' : nothing}>${t.t('common.save')}</button></div>
          </form>`
          : this.error
            ? html`<p class="error">${this.error}</p>`
            : html`<p class="muted">${t.t('common.loading')}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-admin-settings': ParleyAdminSettings;
  }
}
