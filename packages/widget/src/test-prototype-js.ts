// Named `test-*.ts`: a helper for tests, not a test file (see test-support.ts).

/**
 * Gives `Array.prototype` the `toJSON` of Prototype.js 1.6 and 1.7, which legacy CMS themes still
 * load: it returns the array's JSON *text*, so `JSON.stringify(['a'])` yields the string
 * `"[\"a\"]"` rather than an array. Returns the function that takes it away again; call it before
 * the test ends (the test runner serialises its results with `JSON.stringify`).
 */
export function addPrototypeJsToJson(): () => void {
  Object.defineProperty(Array.prototype, 'toJSON', {
    configurable: true,
    writable: true,
    value(this: unknown[]) {
      return `[${this.map((v) => JSON.stringify(v)).join(', ')}]`;
    },
  });
  return () => delete (Array.prototype as { toJSON?: unknown }).toJSON;
}
