import { readConfig } from '../config.js';
import type { Problem } from '../domain/problem.js';
import type { Storage } from '../storage/types.js';

/** Writes one line (or block) to stdout. */
export function print(text: string | undefined): void {
  process.stdout.write(`${text ?? ''}\n`);
}

/** Opens the configured database for one command and always closes it. */
export async function withStorage(work: (storage: Storage) => Promise<void>): Promise<void> {
  const { openStorage } = await import('../storage/open.js');
  const storage = await openStorage(readConfig().databaseUrl);
  try {
    await work(storage);
  } finally {
    await storage.close();
  }
}

/** A Problem's field errors (or its message) as one line. */
export function problemText(err: Problem): string {
  return err.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? err.message;
}
