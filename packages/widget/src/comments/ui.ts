import type { Thread } from './thread.js';
import { mapTree } from './tree.js';
import type { FormState, Ui } from './types.js';

// Functions taking the element rather than its methods: the minifier shortens their names where
// a method's could not be (see the class JSDoc of {@link Thread}).

/** A comment's or form's UI state (see {@link Ui}); empty when it has none. */
export function uiOf(host: Thread, id: string): Ui {
  return host.ui.get(id) ?? {};
}

/** Changes one comment's UI state and renews its path so that only it re-renders. */
export function setUi(host: Thread, id: string, patch: Ui): void {
  host.ui.set(id, { ...uiOf(host, id), ...patch });
  host.comments = mapTree(host.comments, id, (c) => ({ ...c }));
}

/** Changes a form's state and re-renders just that form. */
export function setForm(host: Thread, key: string, st: FormState): void {
  host.ui.set(key, st);
  if (key[1] === ':') setUi(host, key.slice(2), {});
  else host.requestUpdate();
}
