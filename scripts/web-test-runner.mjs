// The web-test-runner setup the widget and the admin console share: their component tests in a
// real headless Chromium (Debian's, or CHROME_PATH), TypeScript through esbuild with the package's
// own tsconfig. Each package's web-test-runner.config.mjs passes in its own copies of the two
// plugins (pnpm installs them per package, so this file cannot import them itself).

import { CHROME_PATH, CHROMIUM_ARGS } from './chromium.mjs';

/**
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`
 * (an empty list ends it): the media features of Puppeteer's `emulateMediaFeatures`, which
 * `emulateMedia` of @web/test-runner-commands passes on only in part (not forced-colors).
 */
const mediaFeatures = {
  name: 'emulate-media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-media-features') return undefined;
    await session.browser.getPage(session.id).emulateMediaFeatures(payload);
    return true;
  },
};

/**
 * The test runner configuration for the package whose config file is at `configUrl`
 * (`import.meta.url`), with `esbuildPlugin` (@web/dev-server-esbuild) and `chromeLauncher`
 * (@web/test-runner-chrome) from that package.
 */
export function browserTests(configUrl, { esbuildPlugin, chromeLauncher }) {
  return {
    files: ['src/**/*.test.ts'],
    nodeResolve: true,
    concurrency: 1,
    testFramework: { config: { timeout: 10000 } },
    plugins: [
      esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', configUrl).pathname, target: 'es2022' }),
      mediaFeatures,
    ],
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: CHROME_PATH,
          headless: true,
          args: [...CHROMIUM_ARGS],
        },
      }),
    ],
  };
}
