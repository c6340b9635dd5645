import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { readerFor } from '../../cli/import/readers.js';
import { ImportRun } from '../../domain/import.js';
import { IMPORT_FORMATS, ImportLimitError, MalformedImportError, parseUrlRule } from '../../domain/import-records.js';
import { invalid, Problem } from '../../domain/problem.js';
import { importStorageOf } from '../../storage/import-storage.js';
import type { AdminApp, AdminDeps } from './env.js';
import { queryOf } from './validate.js';

/** Uploads larger than this are refused with 413 unless `PARLEY_IMPORT_UPLOAD_MAX_BYTES` says otherwise. */
export const DEFAULT_IMPORT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/** How many times the upload limit an upload may inflate to, unless `PARLEY_IMPORT_INFLATED_MAX_BYTES` says otherwise. */
export const DEFAULT_INFLATION = 10;

const Query = z.object({
  site: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a site id'),
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.enum(['true', 'false']).default('false'),
  mapUrl: z.string().max(2000).optional(),
});

class TooLarge extends Error {}

/**
 * `POST /api/admin/import?site=&format=[&dryRun=true][&mapUrl=FROM=TO]`: the body is the export
 * file itself (any content type; `.gz` files as they are), which the same readers and
 * `ImportRun` as `parley import` read, and the answer is the run's summary. Owners only. The
 * body is streamed to a private temporary file (readers want a path, and Isso's format is a
 * SQLite database) and counted on the way: past `maxBytes` the upload is cut off with 413 and
 * nothing is imported. A gzip upload is inflated as it is read, and counted again: past
 * `importInflatedMaxBytes` 413 `inflated-too-large`; one record longer than the readers hold
 * (`MAX_RECORD_CHARS`) is 422 `record-too-large`. Both stop the read where they are met, so a
 * small file that inflates to gigabytes never reaches memory.
 */
export function importRoutes(app: AdminApp, deps: AdminDeps): void {
  const maxBytes = deps.importMaxBytes ?? DEFAULT_IMPORT_UPLOAD_MAX_BYTES;
  const maxInflatedBytes = deps.importInflatedMaxBytes ?? maxBytes * DEFAULT_INFLATION;
  app.post('/import', async (c) => {
    if (c.get('actor').role !== 'owner') throw new Problem(403, 'forbidden', 'Only owners may import');
    const q = queryOf(c, Query);
    let urlRules: ReturnType<typeof parseUrlRule>[] = [];
    try {
      urlRules = q.mapUrl ? [parseUrlRule(q.mapUrl)] : [];
    } catch (err) {
      throw invalid([{ path: 'mapUrl', message: (err as Error).message }]);
    }
    const tooLarge = () =>
      new Problem(413, 'payload-too-large', `The file is larger than ${maxBytes} bytes; use pnpm parley import for big files`);
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > maxBytes) throw tooLarge();
    const body = c.req.raw.body;
    if (!body || declared === 0) throw new Problem(400, 'bad-request', 'Send the export file as the request body');
    if (q.format !== 'parley' && !(await deps.storage.getSite(q.site))) {
      throw new Problem(404, 'site-not-found', `No site "${q.site}"`);
    }

    const dir = await mkdtemp(join(tmpdir(), 'parley-upload-'));
    const file = join(dir, 'upload');
    try {
      let size = 0;
      const counted = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>).map((chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) throw new TooLarge();
        return chunk;
      });
      try {
        await pipeline(counted, createWriteStream(file, { mode: 0o600 }));
      } catch (err) {
        if (err instanceof TooLarge) throw tooLarge();
        throw err;
      }
      if (size === 0) throw new Problem(400, 'bad-request', 'Send the export file as the request body');
      const run = new ImportRun({ siteId: q.site, source: q.format, urlRules, dryRun: q.dryRun === 'true' });
      try {
        const summary = await run.run(importStorageOf(deps.storage), readerFor(q.format)(file, { maxInflatedBytes }).records);
        return c.json({ summary }, 200);
      } catch (err) {
        if (err instanceof ImportLimitError) throw limitProblem(err, maxInflatedBytes);
        if (err instanceof MalformedImportError) {
          throw new Problem(422, 'malformed-file', `The file is malformed at ${err.message}`);
        }
        throw err;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** The answer to a file the readers refused to hold (see {@link ImportLimitError}). */
function limitProblem(err: ImportLimitError, maxInflatedBytes: number): Problem {
  return err.limit === 'inflated'
    ? new Problem(
        413,
        'inflated-too-large',
        `The file holds more than ${maxInflatedBytes} bytes once inflated; use pnpm parley import for big files`,
      )
    : new Problem(422, 'record-too-large', `The file has a record too long to read at ${err.message}`);
}
