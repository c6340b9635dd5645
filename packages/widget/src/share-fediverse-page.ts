/**
 * The script of the comment server's fediverse share page (`/share/fediverse`, see the server's
 * routes/share-page.ts): the share bar's Mastodon link opens it in a new tab with what to share in
 * the fragment, `#url=…&title=…&text=…&lang=…`, which never reaches the server. It shows
 * `<parley-share-fediverse>` in the bar's language, else the browser's, and names the page's
 * language, direction (`rtl` for Arabic and Hebrew) and title after the table it found. Built on
 * its own (rollup.config.mjs), so none of this is part of what an article downloads.
 */
import { rightToLeft } from './i18n/direction.js';
import { fediverseLanguage, loadFediverseTerms } from './parley-share-fediverse.js';
import { ShareTerms } from './share/terms.js';

const params = new URLSearchParams(location.hash.slice(1));
const form = document.createElement('parley-share-fediverse');
const lang = fediverseLanguage(params.get('lang') || navigator.language);
form.i18n = new ShareTerms(lang, await loadFediverseTerms(lang));
form.data = { url: params.get('url') ?? '', title: params.get('title') ?? '', text: params.get('text') || undefined };
document.documentElement.lang = lang;
document.documentElement.dir = rightToLeft(lang) ? 'rtl' : 'ltr';
document.title = form.i18n.t('share.fediverse.title');
document.querySelector('main')?.append(form);
