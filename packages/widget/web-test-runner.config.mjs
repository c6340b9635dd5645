// Widget unit tests in a real headless Chromium; the setup is shared with the other Lit package.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { browserTests } from '../../scripts/web-test-runner.mjs';

export default browserTests(import.meta.url, { esbuildPlugin, chromeLauncher });
