import { html, nothing } from 'lit';
import type { Comment } from '../api.js';
import { LINK_REL, safeUrl } from '../sanitize.js';
import { shape } from './avatar.js';
import { body } from './bodies.js';
import { renderForm } from './form.js';
import { focusComment, loadReplies, permalink } from './read.js';
import type { Thread } from './thread.js';
import { exactTime, relativeTime } from './time.js';
import { countAll } from './tree.js';
import type { Ui } from './types.js';
import { setUi, uiOf } from './ui.js';
import { canEdit, confirm, deleteComment, flag, toggleForm, vote } from './write.js';

/** Levels that indent; deeper replies line up with the fifth and name whom they answer. */
export const MAX_INDENT = 5;
/** Replies shown under a comment before "show N more replies". */
export const SHOWN_REPLIES = 5;

/** Each comment's last rendering and what it was made from (its UI state, translator, lock). */
const memo = new WeakMap<Comment, [unknown[], unknown]>();

/**
 * A list of comments. An item is rendered again only when its comment object (renewed on any
 * change to it or below it, see tree.ts), its UI state, the translator or the lock changed;
 * otherwise its last template result is reused, so Lit only compares values and a change costs
 * a path, not the whole thread. (Plain `map` and a memo instead of Lit's `repeat` and `guard`
 * directives, which cost the thread's chunk about 0.8 KB gzipped; bodies are elements that
 * move with their comment, see bodies.ts.)
 */
export function renderList(host: Thread, list: Comment[], depth: number, parent?: Comment): unknown {
  return list.map((c) => {
    const deps = [host.ui.get(c.id), host.t, host.locked];
    const last = memo.get(c);
    if (last?.[0].every((d, i) => d === deps[i])) return last[1];
    const out = renderItem(host, c, depth, parent);
    memo.set(c, [deps, out]);
    return out;
  });
}

function confirmDelete(host: Thread, id: string) {
  const t = host.tr.bind(host);
  return html`<p class="actions" role="group" aria-label=${t('item.confirmDelete')}>
    <span>${t('item.confirmDelete')}</span>
    <button type="button" part="button" class="danger" @click=${() => deleteComment(host, id)}>${t('item.delete')}</button>
    <button type="button" part="button" @click=${() => confirm(host, id, false)}>${t('form.cancel')}</button>
  </p>`;
}

/**
 * A comment's own content as one template (header, body, actions): few template instances per
 * comment keep the first render of a long thread close to the cost of plain HTML. Rare parts
 * (edited, pending, own-comment buttons, forms) are nested only when present.
 */
function content(host: Thread, c: Comment, depth: number, parent: Comment | undefined, ui: Ui) {
  const id = c.id;
  const t = host.tr.bind(host);
  const lang = host.t.lang;
  const approved = c.status === 'approved';
  const mine = host.votes[id];
  const [d, hue] = shape(c.author?.avatar || '?');
  const site = safeUrl(c.author?.website);
  const link = site && /^https?:/.test(site) ? site : undefined;
  return html`<header>
      <svg part="avatar" class="avatar" viewBox="-1 -1 7 7" aria-hidden="true" focusable="false"><path fill="hsl(${hue} 55% 42%)" d=${d}></path></svg>
      <a class="author" part="author" href=${link ?? nothing} rel=${link ? LINK_REL : nothing} target=${link ? '_blank' : nothing}>${c.author?.name || t('comments.anonymous')}</a>
      ${depth >= MAX_INDENT && parent ? html`<span class="muted">${t('item.replyingTo', { name: parent.author?.name || t('comments.anonymous') })}</span>` : nothing}
      <a class="muted permalink" href=${permalink(id)} @click=${inPlace}><time datetime=${c.createdAt} title=${exactTime(c.createdAt, lang)}>${relativeTime(c.createdAt, lang) ?? t('time.now')}</time></a>
      ${c.editedAt ? html`<span class="muted" title=${exactTime(c.editedAt, lang)}>${t('item.edited')}</span>` : nothing}
    </header>
    ${c.status === 'pending' ? html`<p class="note" part="pending">${t('item.pending')}</p>` : nothing}
    ${bodyOf(host, c, ui)}
    ${ui.editing ? renderForm(host, `e:${id}`, { body: c.body }) : nothing}
    <p class="actions" ?hidden=${!!ui.confirm}>
      <button type="button" part="button vote" class="vote" ?hidden=${!approved} aria-pressed=${mine === 1 ? 'true' : 'false'}
        @click=${() => vote(host, id, 1)}><span class="sr">${t('item.up', { n: c.up })}</span><span aria-hidden="true">▲ ${c.up}</span></button>
      <button type="button" part="button vote" class="vote" ?hidden=${!approved} aria-pressed=${mine === -1 ? 'true' : 'false'}
        @click=${() => vote(host, id, -1)}><span class="sr">${t('item.down', { n: c.down })}</span><span aria-hidden="true">▼ ${c.down}</span></button>
      <button type="button" part="button" class="reply" ?hidden=${!approved || host.locked} @click=${() => toggleForm(host, 'r', id, true)}>${t('item.reply')}</button>
      <button type="button" part="button" class="share" aria-expanded=${ui.share ? 'true' : 'false'} @click=${() => setUi(host, id, { share: !ui.share })}>${t('share.label')}</button>
      <button type="button" part="button" class="flag" ?hidden=${!approved || !!host.tokens[id]} aria-disabled=${host.flags[id] ? 'true' : 'false'}
        @click=${() => flag(host, id)}>${t(host.flags[id] ? 'item.flagged' : 'item.flag')}</button>
      ${
        canEdit(host, c)
          ? html`<button type="button" part="button" class="edit" @click=${() => toggleForm(host, 'e', id, true)}>${t('item.edit')}</button>
            <button type="button" part="button" class="del" @click=${() => confirm(host, id, true)}>${t('item.delete')}</button>`
          : nothing
      }
    </p>
    ${ui.confirm ? confirmDelete(host, id) : nothing}
    ${ui.share ? shareBar(c, lang, host.client.base) : nothing}`;
}

/**
 * Opens a permalink on this page (the thread hears the `hashchange`). Its href is the article's
 * address ({@link permalink}), to copy or open elsewhere, which may differ from this page's (a
 * query, the canonical path): followed, it would load the article again. A bare `#comment-…`
 * would resolve against a `<base href>` and leave the article. Clicks for a new tab or window
 * are the browser's.
 */
const inPlace = (e: MouseEvent) => {
  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  location.hash = (e.currentTarget as HTMLAnchorElement).hash;
};

/** The comment's body element (see bodies.ts), hidden while its edit form is open. */
function bodyOf(host: Thread, c: Comment, ui: Ui): HTMLElement {
  const el = body(host, c);
  el.hidden = !!ui.editing;
  return el;
}

/**
 * The share bar of one comment: the same `<parley-share>` as the article's, sharing the comment's
 * permalink (its "Copy link" copies it) with the start of its text, and the thread's comment
 * server as its own (where the fediverse share page is). Rendered only once the
 * reader opens it, so a long thread holds no share elements.
 */
function shareBar(c: Comment, lang: string, api: string) {
  return html`<parley-share variant="icons" lang=${lang} api=${api} services="native copy mastodon bluesky x email"
    url=${permalink(c.id)} text=${c.body.slice(0, 280)}></parley-share>`;
}

/**
 * Shows all replies of `c` held here; focus moves to the first one revealed (the button pressed
 * goes). Those the server left out are fetched by the next press ({@link loadReplies}).
 */
function showAll(host: Thread, c: Comment, from: number): Promise<void> {
  setUi(host, c.id, { showAll: true });
  return focusComment(host, c.replies![from]!.id);
}

/** One comment with its replies. */
export function renderItem(host: Thread, c: Comment, depth: number, parent?: Comment): unknown {
  const ui = uiOf(host, c.id);
  const replies = c.replies ?? [];
  const shown = ui.showAll ? replies : replies.slice(0, SHOWN_REPLIES);
  const hidden = replies.length - shown.length;
  // Replies the server left out (a top-level comment's beyond its first 50): fetched once none
  // here is hidden.
  const more = c.moreReplies ?? 0;
  const inner = c.deleted ? html`<p class="muted">${host.tr('comments.deleted')}</p>` : content(host, c, depth, parent, ui);
  return html`<li>
    <article id="comment-${c.id}" part="comment" class=${ui.hl ? 'hl' : ''} tabindex="-1">${inner}</article>
    ${ui.replying ? html`<div class="reply-form">${renderForm(host, `r:${c.id}`, { parentId: c.id })}</div>` : nothing}
    ${
      replies.length
        ? html`<button type="button" part="button" class="toggle" aria-expanded=${ui.collapsed ? 'false' : 'true'}
            aria-controls="replies-${c.id}" @click=${() => setUi(host, c.id, { collapsed: !ui.collapsed })}>
            ${ui.collapsed ? host.tr('item.expand', { n: countAll(replies) + more }) : host.tr('item.collapse')}</button>
          <ol id="replies-${c.id}" class=${depth + 1 < MAX_INDENT ? 'replies' : 'replies flat'} ?hidden=${!!ui.collapsed}>
            ${ui.collapsed ? nothing : renderList(host, shown, depth + 1, c)}
          </ol>
          ${
            hidden + more > 0 && !ui.collapsed
              ? html`<button type="button" part="button" class="more" aria-disabled=${!!ui.busy}
                  @click=${() => (hidden ? showAll(host, c, shown.length) : loadReplies(host, c))}>${host.tr('item.more', { n: hidden + more })}</button>`
              : nothing
          }`
        : nothing
    }
  </li>`;
}
