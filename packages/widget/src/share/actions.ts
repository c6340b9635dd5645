import { embedConfig } from '../config.js';
import type { ParleyShare, ShareEventDetail } from '../parley-share.js';
import { query, type ServiceId, type ShareData, withUtm } from './services.js';

/*
 * What a share bar does when the reader picks a service: what it shares, the `parley-share`
 * event (and the count beacon), and the services that are buttons rather than links. Functions
 * of the bar rather than its methods, so the minifier can shorten their names.
 */

/** An Open Graph `<meta property>` of the page. */
export const meta = (p: string) => document.querySelector<HTMLMetaElement>(`meta[property="${p}"]`)?.content;

/** What `service` is given: the bar's link (with `utm`), title, text and image, or the page's. */
export function shareData(bar: ParleyShare, service: string): ShareData {
  return {
    url: withUtm(bar.link, service, bar.utm),
    title: bar.title || meta('og:title') || document.title,
    text: bar.text,
    image: bar.image || meta('og:image'),
  };
}

/** The comment server: the bar's `api`, else where the embed script came from; '' when neither is known. */
export const serverOf = (bar: ParleyShare): string =>
  (bar.getAttribute('api') || embedConfig()?.apiBase || '').replace(/\/$/, '');

/**
 * The comment server's fediverse share page, where the reader names their own server (see
 * parley-share-fediverse.ts); what to share and the bar's language go in the fragment, which the
 * browser never sends to the server.
 */
export function fediversePage(bar: ParleyShare): string {
  const { url, title, text } = shareData(bar, 'mastodon');
  return `${serverOf(bar)}/share/fediverse#${query({ url, title, text, lang: bar.i18n.lang })}`;
}

/** The reader shared: counts it (with `counts`) and fires `parley-share`. */
export function shared(bar: ParleyShare, service: ServiceId, url: string): void {
  if (bar.counts) void import('./counts.js').then((c) => c.sendBeacon(bar, service));
  bar.dispatchEvent(
    new CustomEvent<ShareEventDetail>('parley-share', { detail: { service, url }, bubbles: true, composed: true }),
  );
}

/** The services that are buttons rather than links, named after them: the click calls `ACTIONS[service](bar)`. */
export const ACTIONS = {
  native(bar: ParleyShare): void {
    const { url, title, text } = shareData(bar, 'native');
    // Called synchronously in the click handler: the share sheet needs the click's user activation.
    navigator.share({ url, title, ...(text ? { text } : {}) }).then(
      () => shared(bar, 'native', url),
      // A closed sheet (AbortError) is the reader's choice: nothing to say, nothing counted.
      () => undefined,
    );
  },

  /**
   * Copies the link with the Clipboard API; where that is refused (insecure context, no
   * permission, old browser) the fallback shows the link selected in a field to copy by hand.
   */
  async copy(bar: ParleyShare): Promise<void> {
    const url = shareData(bar, 'copy').url;
    const ok = !!(await navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    ));
    bar.copied = ok;
    if (ok) {
      shared(bar, 'copy', url);
      setTimeout(() => {
        bar.copied = undefined;
      }, 4000);
    } else {
      await bar.updateComplete;
      bar.renderRoot.querySelector('input')?.select();
    }
  },

  /** Opens the browser's print dialog (paper or PDF), counted as a share of the link. */
  print(bar: ParleyShare): void {
    window.print();
    shared(bar, 'print', bar.link);
  },
};
