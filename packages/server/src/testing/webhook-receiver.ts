import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with the status it answered. */
export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  at: number;
}

/**
 * A real HTTP webhook receiver on 127.0.0.1 for tests. `answer` decides each response's status
 * (200 by default); `stop()` and `start()` again on the same port play an outage.
 */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  port = 0;
  answer: (hook: Omit<ReceivedHook, 'status'>) => number = () => 200;
  #server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/parley`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hook = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        const status = this.answer(hook);
        this.received.push({ ...hook, status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Closes the port (and open connections), so the next attempt is refused. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Received requests that are deliveries of `event`. */
  of(event: string): ReceivedHook[] {
    return this.received.filter((r) => r.headers['parley-event'] === event);
  }
}
