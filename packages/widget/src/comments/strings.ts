import type { Terms } from '../i18n/index.js';

/**
 * The `strings` attribute: a JSON object; anything else (malformed, null) overrides nothing. A
 * JSON number, string or array holds no term key, so it needs no check of its own.
 */
export const strings = {
  fromAttribute(value: string | null): Terms {
    try {
      return (JSON.parse(value ?? '{}') as Terms | null) ?? {};
    } catch {
      return {};
    }
  },
};
