// The web-test-runner setup the widget and the admin console share: their component tests in a
// real headless Chromium (Debian's, or CHROME_PATH), TypeScript through esbuild with the package's
// own tsconfig. Each package's web-test-runner.config.mjs passes in its own copies of the two
// plugins (pnpm installs them per package, so this file cannot import them itself).

import { CHROME_PATH, CHROMIUM_ARGS } from './chromium.mjs';

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
    plugins: [esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', configUrl).pathname, target: 'es2022' })],
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
