import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Comment } from '../api.js';
import { LINK_REL, safeUrl } from '../sanitize.js';
import { shape } from './avatar.js';
import { body } from './bodies.js';
import { renderForm } from './comment-form.js';
import type { Ui } from './reader.js';
import { exactTime, relativeTime } from './time.js';
import { countAll } from './tree.js';
import type { ThreadWriter } from './writer.js';

/** Levels that indent; deeper replies line up with the fifth and name whom they answer. */
export const MAX_INDENT = 5;
/** Replies shown under a comment before "show N more replies". */
export const SHOWN_REPLIES = 5;

/**
 * A list of comments. Each item is guarded by its comment object (renewed on any change to it or
 * below it), its UI state, the translator and the lock, so unchanged sub-threads are skipped.
 */
export function renderList(host: ThreadWriter, list: Comment[], depth: number, parent?: Comment): unknown {
  return repeat(
    list,
    (c) => c.id,
    (c) => guard([c, host.ui.get(c.id), host.t, host.locked], () => renderItem(host, c, depth, parent)),
  );
}

function confirmDelete(host: ThreadWriter, id: string) {
  const t = host.tr.bind(host);
  return html`<p class="actions" role="group" aria-label=${t('item.confirmDelete')}>
    <span>${t('item.confirmDelete')}</span>
    <button type="button" part="button" class="danger" @click=${() => host.deleteComment(id)}>${t('item.delete')}</button>
    <button type="button" part="button" @click=${() => host.setUi(id, { confirm: false })}>${t('form.cancel')}</button>
  </p>`;
}

/**
 * A comment's own content as one template (header, body, actions): few template instances per
 * comment keep the first render of a long thread close to the cost of plain HTML. Rare parts
 * (edited, pending, own-comment buttons, forms) are nested only when present.
 */
function content(host: ThreadWriter, c: Comment, depth: number, parent: Comment | undefined, ui: Ui) {
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
      <a class="author" part="author" href=${ifDefined(link)} rel=${ifDefined(link && LINK_REL)} target=${ifDefined(link && '_blank')}>${c.author?.name || t('comments.anonymous')}</a>
      ${depth >= MAX_INDENT && parent ? html`<span class="muted">${t('item.replyingTo', { name: parent.author?.name || t('comments.anonymous') })}</span>` : nothing}
      <a class="muted permalink" href="#comment-${encodeURIComponent(id)}"><time datetime=${c.createdAt} title=${exactTime(c.createdAt, lang)}>${relativeTime(c.createdAt, lang) ?? t('time.now')}</time></a>
      ${c.editedAt ? html`<span class="muted" title=${exactTime(c.editedAt, lang)}>${t('item.edited')}</span>` : nothing}
    </header>
    ${c.status === 'pending' ? html`<p class="note" part="pending">${t('item.pending')}</p>` : nothing}
    <div class="body" part="body" ?hidden=${!!ui.editing}>${guard([c.html], () => body(c.html))}</div>
    ${ui.editing ? renderForm(host, `e:${id}`, { body: c.body }) : nothing}
    <p class="actions" ?hidden=${!!ui.confirm}>
      <button type="button" part="button vote" class="vote" ?hidden=${!approved} aria-pressed=${mine === 1 ? 'true' : 'false'}
        @click=${() => host.vote(id, 1)}><span class="sr">${t('item.up', { n: c.up })}</span><span aria-hidden="true">▲ ${c.up}</span></button>
      <button type="button" part="button vote" class="vote" ?hidden=${!approved} aria-pressed=${mine === -1 ? 'true' : 'false'}
        @click=${() => host.vote(id, -1)}><span class="sr">${t('item.down', { n: c.down })}</span><span aria-hidden="true">▼ ${c.down}</span></button>
      <button type="button" part="button" class="reply" ?hidden=${!approved || host.locked} @click=${() => host.toggleReply(id, true)}>${t('item.reply')}</button>
      <button type="button" part="button" class="share" aria-expanded=${ui.share ? 'true' : 'false'} @click=${() => host.setUi(id, { share: !ui.share })}>${t('share.label')}</button>
      ${
        host.canEdit(c)
          ? html`<button type="button" part="button" class="edit" @click=${() => host.toggleEdit(id, true)}>${t('item.edit')}</button>
            <button type="button" part="button" @click=${() => host.setUi(id, { confirm: true })}>${t('item.delete')}</button>`
          : nothing
      }
    </p>
    ${ui.confirm ? confirmDelete(host, id) : nothing}
    ${ui.share ? shareBar(c, lang) : nothing}`;
}

/**
 * The share bar of one comment: the same `<parley-share>` as the article's, sharing the comment's
 * permalink (its "Copy link" copies it) with the start of its text. Rendered only once the
 * reader opens it, so a long thread holds no share elements.
 */
function shareBar(c: Comment, lang: string) {
  return html`<parley-share variant="icons" lang=${lang} services="native copy mastodon bluesky x email"
    url="${location.href.split('#')[0]}#comment-${encodeURIComponent(c.id)}" text=${c.body.slice(0, 280)}></parley-share>`;
}

/** One comment with its replies. */
export function renderItem(host: ThreadWriter, c: Comment, depth: number, parent?: Comment): unknown {
  const ui = host.uiOf(c.id);
  const replies = c.replies ?? [];
  const shown = ui.showAll ? replies : replies.slice(0, SHOWN_REPLIES);
  const hidden = replies.length - shown.length;
  const inner = c.deleted ? html`<p class="muted">${host.tr('comments.deleted')}</p>` : content(host, c, depth, parent, ui);
  return html`<li>
    <article id="comment-${c.id}" part="comment" class=${ui.hl ? 'hl' : ''} tabindex="-1">${inner}</article>
    ${ui.replying ? html`<div class="reply-form">${renderForm(host, `r:${c.id}`, { parentId: c.id })}</div>` : nothing}
    ${
      replies.length
        ? html`<button type="button" part="button" class="toggle" aria-expanded=${ui.collapsed ? 'false' : 'true'}
            aria-controls="replies-${c.id}" @click=${() => host.setUi(c.id, { collapsed: !ui.collapsed })}>
            ${ui.collapsed ? host.tr('item.expand', { n: countAll(replies) }) : host.tr('item.collapse')}</button>
          <ol id="replies-${c.id}" class=${depth + 1 < MAX_INDENT ? 'replies' : 'replies flat'} ?hidden=${!!ui.collapsed}>
            ${ui.collapsed ? nothing : renderList(host, shown, depth + 1, c)}
          </ol>
          ${
            hidden > 0 && !ui.collapsed
              ? html`<button type="button" part="button" class="more" @click=${() => host.setUi(c.id, { showAll: true })}>${host.tr('item.more', { n: hidden })}</button>`
              : nothing
          }`
        : nothing
    }
  </li>`;
}
