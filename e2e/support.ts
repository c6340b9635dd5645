import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ExampleServer, startExampleServer } from '../examples/serve.js';
import { AdminService } from '../packages/server/src/domain/admins.js';
import {
  buildSite,
  openStorage,
  type RunningServer,
  readConfig,
  type SiteSettings,
  startServer,
} from '../packages/server/src/index.js';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

/** Chromium as every end-to-end test starts it (scripts/chromium.mjs: the binary and its flags). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
}

/**
 * Records on `page` every uncaught error and every dialog (dismissed at once) as a line in the
 * list it returns, for the test to assert there were none; callers add their own listeners.
 */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/**
 * A comment server on its own SQLite file and the example site on another origin, both on
 * loopback with free ports, with the site `demo` allowing the example's origin.
 */
export class Stack {
  readonly dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  parley!: RunningServer;
  example!: ExampleServer;
  #port = 0;
  #env: NodeJS.ProcessEnv = {};

  get databaseUrl(): string {
    return `sqlite:${join(this.dir, 'parley.sqlite')}`;
  }

  /** Adds a console account straight to the database (as `parley admin add` does). */
  async addAdmin(input: { email: string; password: string; name?: string }): Promise<void> {
    const storage = await openStorage(this.databaseUrl);
    try {
      await new AdminService(storage, Date.now).add({ ...input, role: 'owner' });
    } finally {
      await storage.close();
    }
  }

  /**
   * `settings` are the site `demo`'s, over the defaults and the rate limits turned off; `env` is
   * the comment server's environment (read by `readConfig`, e.g. `PARLEY_SMTP_URL`); `front`
   * gives the address the example pages use for the comment server (a proxy in front of it).
   */
  async start(
    options: { settings?: Partial<SiteSettings>; env?: NodeJS.ProcessEnv; front?: (parleyUrl: string) => Promise<string> } = {},
  ): Promise<this> {
    this.#env = options.env ?? {};
    await this.startParley();
    const parleyUrl = options.front ? await options.front(this.parley.url) : this.parley.url;
    this.example = await startExampleServer({ port: 0, parleyUrl });
    const storage = await openStorage(this.databaseUrl);
    await storage.createSite(
      buildSite(
        {
          id: 'demo',
          origins: [this.example.url],
          // Tests post quickly, often, many links and the same text, and seed through the API;
          // the spam rules have their own tests (e2e/antispam.test.ts and the server's).
          settings: {
            rateLimitPerMinute: 0,
            rateLimitPerHour: 0,
            requireFormToken: false,
            refuseDuplicates: false,
            linkLimit: 0,
            ...options.settings,
          },
        },
        Date.now(),
      ),
    );
    await storage.close();
    return this;
  }

  /** Changes some of the site `demo`'s settings. */
  async updateSettings(settings: Partial<SiteSettings>): Promise<void> {
    const storage = await openStorage(this.databaseUrl);
    try {
      const site = await storage.getSite('demo');
      if (!site) throw new Error('no site demo');
      await storage.updateSite({ ...site, settings: { ...site.settings, ...settings } });
    } finally {
      await storage.close();
    }
  }

  /** Starts (or restarts, on the same port) the comment server. */
  async startParley(): Promise<void> {
    const config = { ...readConfig(this.#env), port: this.#port, databaseUrl: this.databaseUrl };
    this.parley = await startServer(config);
    this.#port = Number(new URL(this.parley.url).port);
  }

  async stop(): Promise<void> {
    await Promise.all([this.example?.close(), this.parley?.close()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
