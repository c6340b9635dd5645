import type { ReactiveController, ReactiveControllerHost } from 'lit';

const STORAGE_KEY = 'parley-admin-shortcuts';

/** Fired on `window` when single-key shortcuts are switched on or off. */
export const SHORTCUTS_CHANGED = 'parley-admin-shortcuts-changed';

/**
 * Whether single-key shortcuts are on: they are unless switched off in the shortcuts overlay,
 * which this browser remembers. Speech input and some assistive tools type letters that would
 * otherwise moderate comments (WCAG 2.1.4, Character Key Shortcuts).
 */
export function shortcutsOn(): boolean {
  return localStorage.getItem(STORAGE_KEY) !== 'off';
}

/** Switches single-key shortcuts on or off for this browser and tells the elements that show them. */
export function setShortcutsOn(on: boolean): void {
  if (on) localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, 'off');
  window.dispatchEvent(new Event(SHORTCUTS_CHANGED));
}

/**
 * Whether a keydown is a console shortcut rather than typing: shortcuts are on, no modifier other
 * than Shift, not repeated from a held key, and not aimed at a text field, select or editable
 * element (looked for along the composed path, since focus sits inside shadow roots).
 */
export function isShortcut(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.isComposing || !shortcutsOn()) return false;
  for (const target of e.composedPath()) {
    if (!(target instanceof HTMLElement)) continue;
    if (target.isContentEditable) return false;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return false;
    if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)) return false;
    if (target instanceof HTMLDialogElement) return false;
  }
  return true;
}

/**
 * The single-key shortcuts of one element, as a Lit controller: `handle` sees the keydowns that
 * are shortcuts while focus is inside `host` (listened for on the element, not the window, so the
 * keys never act from elsewhere on the page), and `on` follows the overlay's switch, re-rendering
 * the host when it flips.
 */
export class ElementShortcuts implements ReactiveController {
  /** Whether single-key shortcuts are on. */
  on = shortcutsOn();
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onKey: (e: KeyboardEvent) => void;
  readonly #onChange = () => {
    this.on = shortcutsOn();
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, handle: (e: KeyboardEvent) => void) {
    this.#host = host;
    this.#onKey = (e) => {
      if (isShortcut(e)) handle(e);
    };
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKey);
    window.addEventListener(SHORTCUTS_CHANGED, this.#onChange);
    this.on = shortcutsOn();
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKey);
    window.removeEventListener(SHORTCUTS_CHANGED, this.#onChange);
  }
}
