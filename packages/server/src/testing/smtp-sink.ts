import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A received mail: parsed by mailparser, plus the raw header block to check for injected lines. */
export interface ReceivedMail {
  parsed: ParsedMail;
  rawHeaders: string;
  to: string[];
}

/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server), keeping what it receives. It can be
 * stopped and started again on the same port to play an outage.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  port = 0;
  /** Recipients for which the server answers 550 (a permanent refusal). */
  refuse: (address: string) => boolean = () => false;
  #server: SMTPServer | undefined;

  /** Starts listening (on a fresh port the first time, on the same port afterwards). */
  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuse(address.address)) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({
                parsed,
                rawHeaders: text.slice(0, text.search(/\r?\n\r?\n/)),
                to: session.envelope.rcptTo.map((r) => r.address),
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  /** Stops listening; connections are refused until {@link start}. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails to `address`, in arrival order. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}
