/**
 * Whether a keydown is a console shortcut rather than typing: no modifier other than Shift, not
 * repeated from a held key, and not aimed at a text field, select or editable element (looked
 * for along the composed path, since focus sits inside shadow roots).
 */
export function isShortcut(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.isComposing) return false;
  for (const target of e.composedPath()) {
    if (!(target instanceof HTMLElement)) continue;
    if (target.isContentEditable) return false;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return false;
    if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return false;
    if (target instanceof HTMLDialogElement) return false;
  }
  return true;
}
