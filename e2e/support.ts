import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
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

/** Flags Chromium needs on this kind of machine (root, no GPU, no network but loopback). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
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

  /**
   * `settings` are the site `demo`'s, over the defaults and the rate limits turned off; `env` is
   * the comment server's environment (read by `readConfig`, e.g. `PARLEY_SMTP_URL`).
   */
  /** Adds a console account straight to the database (as `parley admin add` does). */
  async addAdmin(input: { email: string; password: string; name?: string }): Promise<void> {
    const storage = await openStorage(this.databaseUrl);
    try {
      await new AdminService(storage, Date.now).add({ ...input, role: 'owner' });
    } finally {
      await storage.close();
    }
  }

  async start(options: { settings?: Partial<SiteSettings>; env?: NodeJS.ProcessEnv } = {}): Promise<this> {
    this.#env = options.env ?? {};
    await this.startParley();
    this.example = await startExampleServer({ port: 0, parleyUrl: this.parley.url });
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
