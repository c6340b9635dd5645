import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';

/**
 * One `parley serve` process (compiled JavaScript, as in production) that the crash supervisor
 * kills with SIGKILL and starts again on the same port.
 */
export class ServerProcess {
  readonly url: string;
  #child: ChildProcess | undefined;
  /** Exits the supervisor did not cause (a crash of the app itself). */
  unexpectedExits = 0;
  #signalled = false;
  readonly #main: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #log: number;

  constructor(main: string, port: number, databaseUrl: string, logFile: string) {
    this.#main = main;
    this.url = `http://127.0.0.1:${port}`;
    this.#env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_DATABASE_URL: databaseUrl,
      PARLEY_ALLOW_UNSAFE_DURABILITY: '0',
    };
    this.#log = openSync(logFile, 'a');
  }

  /** Starts the server and resolves with the milliseconds until /readyz answered 200. */
  async start(timeoutMs = 30_000): Promise<number> {
    const started = performance.now();
    const child = spawn(process.execPath, [this.#main, 'serve'], { env: this.#env, stdio: ['ignore', this.#log, this.#log] });
    this.#child = child;
    let exited: number | null | undefined;
    this.#signalled = false;
    child.once('exit', (code) => {
      exited = code;
      if (!this.#signalled) this.unexpectedExits++;
    });
    while (performance.now() - started < timeoutMs) {
      if (exited !== undefined) throw new Error(`parley serve exited with ${exited} while starting (see the log)`);
      try {
        const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await sleep(20);
    }
    throw new Error(`parley serve not ready within ${timeoutMs} ms`);
  }

  /** SIGKILL: no shutdown code runs, in-flight requests and transactions die with it. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  /** SIGTERM: the clean stop, at the end of a run. */
  async stop(): Promise<void> {
    await this.#signal('SIGTERM');
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.#signalled = true;
    child.kill(signal);
    await gone;
    this.#child = undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
