import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Comment } from '../api.js';
import { LINK_REL, safeUrl } from '../sanitize.js';
import { avatar } from './avatar.js';
import { body } from './bodies.js';
import { renderForm } from './comment-form.js';
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

function when(iso: string, host: ThreadWriter) {
  const lang = host.t.lang;
  return html`<time datetime=${iso} title=${exactTime(iso, lang)}>${relativeTime(iso, lang) ?? host.tr('time.now')}</time>`;
}

function author(c: Comment, host: ThreadWriter) {
  const name = c.author?.name || host.tr('comments.anonymous');
  const site = safeUrl(c.author?.website);
  return site && /^https?:/.test(site)
    ? html`<a class="author" part="author" href=${site} rel=${LINK_REL} target="_blank">${name}</a>`
    : html`<span class="author" part="author">${name}</span>`;
}

function actions(host: ThreadWriter, c: Comment, ui: { confirm?: boolean; copied?: boolean }) {
  const id = c.id;
  const approved = c.status === 'approved';
  const mine = host.votes[id];
  const t = host.tr.bind(host);
  if (ui.confirm) {
    return html`<p class="actions" role="group" aria-label=${t('item.confirmDelete')}>
      <span>${t('item.confirmDelete')}</span>
      <button type="button" part="button" class="danger" @click=${() => host.deleteComment(id)}>${t('item.delete')}</button>
      <button type="button" part="button" @click=${() => host.setUi(id, { confirm: false })}>${t('form.cancel')}</button>
    </p>`;
  }
  return html`<p class="actions">
    ${
      approved
        ? html`<button type="button" part="button vote" class="vote" aria-pressed=${mine === 1 ? 'true' : 'false'}
            @click=${() => host.vote(id, 1)}><span class="sr">${t('item.up', { n: c.up })}</span><span aria-hidden="true">▲ ${c.up}</span></button>
          <button type="button" part="button vote" class="vote" aria-pressed=${mine === -1 ? 'true' : 'false'}
            @click=${() => host.vote(id, -1)}><span class="sr">${t('item.down', { n: c.down })}</span><span aria-hidden="true">▼ ${c.down}</span></button>`
        : nothing
    }
    ${approved && !host.locked ? html`<button type="button" part="button" class="reply" @click=${() => host.toggleReply(id, true)}>${t('item.reply')}</button>` : nothing}
    <button type="button" part="button" @click=${() => host.copyLink(id)}>${t(ui.copied ? 'item.linkCopied' : 'item.copyLink')}</button>
    ${
      host.canEdit(c)
        ? html`<button type="button" part="button" class="edit" @click=${() => host.toggleEdit(id, true)}>${t('item.edit')}</button>
          <button type="button" part="button" @click=${() => host.setUi(id, { confirm: true })}>${t('item.delete')}</button>`
        : nothing
    }
  </p>`;
}

/** One comment with its replies. */
export function renderItem(host: ThreadWriter, c: Comment, depth: number, parent?: Comment): unknown {
  const ui = host.uiOf(c.id);
  const replies = c.replies ?? [];
  const shown = ui.showAll ? replies : replies.slice(0, SHOWN_REPLIES);
  const hidden = replies.length - shown.length;
  const content = c.deleted
    ? html`<p class="muted">${host.tr('comments.deleted')}</p>`
    : html`<header>
          ${avatar(c.author?.avatar ?? '')} ${author(c, host)}
          ${depth >= MAX_INDENT && parent ? html`<span class="muted">${host.tr('item.replyingTo', { name: parent.author?.name || host.tr('comments.anonymous') })}</span>` : nothing}
          <a class="muted permalink" href="#comment-${encodeURIComponent(c.id)}">${when(c.createdAt, host)}</a>
          ${c.editedAt ? html`<span class="muted" title=${exactTime(c.editedAt, host.t.lang)}>${host.tr('item.edited')}</span>` : nothing}
        </header>
        ${c.status === 'pending' ? html`<p class="note" part="pending">${host.tr('item.pending')}</p>` : nothing}
        ${
          ui.editing
            ? renderForm(host, `e:${c.id}`, { body: c.body })
            : html`<div class="body" part="body">${guard([c.html], () => body(c.html))}</div>`
        }
        ${actions(host, c, ui)}`;
  return html`<li>
    <article id="comment-${c.id}" part="comment" class=${ui.hl ? 'hl' : ''} tabindex="-1">${content}</article>
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
