// The one place that says how Parley starts Chromium for tests and benchmarks: the component
// tests (scripts/web-test-runner.mjs), the widget benchmark (packages/widget/bench/render.ts) and
// the end-to-end tests (e2e/support.ts). Plain .mjs so that Node configs and tsx scripts in any
// package can import it without a build; scripts/chromium.d.mts gives TypeScript its types.

/** The Chromium binary: Debian's, or CHROME_PATH. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags Chromium needs on this kind of machine (root, no GPU, no network but loopback). */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
