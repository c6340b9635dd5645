/** Input for redos.test.ts: the scan must find exactly these two patterns and the one dynamic call. */
export const literal = /^a+b$/i;
export const called = /x{2}/g;
const from = 'y';
export const dynamic = new RegExp(from);
