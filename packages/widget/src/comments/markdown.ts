import { html, type TemplateResult } from 'lit';
import { LINK_REL } from '../sanitize.js';

/**
 * The preview: a tiny markdown subset (paragraphs, quotes, lists, code blocks, emphasis, strong,
 * code, links) rendered as Lit templates, so every piece of the reader's text is a text binding
 * and never parsed as HTML. The server's renderer has the final word once the comment is posted.
 */
const INLINE =
  /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^[\]]+)\]\((https?:\/\/[^()[\]\s]+)\)|(https?:\/\/[^\s<>()]+)/g;

function inline(text: string): unknown[] {
  const out: unknown[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [, code, strong, em, em2, label, href, bare] = m;
    if (code !== undefined) out.push(html`<code>${code}</code>`);
    else if (strong !== undefined) out.push(html`<strong>${inline(strong)}</strong>`);
    else if (em !== undefined || em2 !== undefined) out.push(html`<em>${inline(em ?? em2 ?? '')}</em>`);
    else {
      const url = href ?? bare ?? '';
      out.push(html`<a href=${url} rel=${LINK_REL} target="_blank">${label ?? url}</a>`);
    }
  }
  out.push(text.slice(last));
  return out;
}

const lines = (block: string) => block.split('\n').map((l, i) => (i ? [html`<br />`, inline(l)] : inline(l)));

/** Renders `source` for the preview. */
export function markdown(source: string): TemplateResult[] {
  const out: TemplateResult[] = [];
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  for (let i = 0; i < blocks.length; i++) {
    // Split on blank lines, a block has at most one newline at either end (a linear pattern: redos.test.ts).
    let block = blocks[i]!.replace(/^\n|\n$/g, '');
    if (!block) continue;
    if (block.startsWith('```')) {
      while (!/\n```\s*$/.test(block) && i + 1 < blocks.length) block += `\n\n${blocks[++i]}`;
      out.push(html`<pre><code>${block.replace(/^```[^\n]*\n?|\n?```\s*$/g, '')}</code></pre>`);
    } else if (/^>/.test(block)) {
      out.push(html`<blockquote>${markdown(block.replace(/^> ?/gm, ''))}</blockquote>`);
    } else if (/^[-*+] /.test(block)) {
      out.push(html`<ul>${block.split(/\n(?=[-*+] )/).map((li) => html`<li>${inline(li.slice(2))}</li>`)}</ul>`);
    } else out.push(html`<p>${lines(block)}</p>`);
  }
  return out;
}
