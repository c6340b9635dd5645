/**
 * `JSON.stringify` for what the widget sends, immune to `toJSON` methods a page adds to built-in
 * prototypes. Prototype.js (1.6, 1.7; still shipped by legacy CMS themes) gives
 * `Array.prototype` a `toJSON` that returns a string, so `JSON.stringify({ pages: ['a'] })` is
 * `{"pages":"[\"a\"]"}` and the server sees a string where it wants a list.
 *
 * The replacer hands back the holder's own value, read before any `toJSON` ran, so every
 * `toJSON` is ignored; the widget only ever serialises plain data (strings, numbers, booleans,
 * plain objects and arrays), for which none is meant.
 */
export const plainJson = (value: unknown): string =>
  JSON.stringify(value, function (this: Record<string, unknown>, key: string) {
    return this[key];
  });
