import type { ImportFormat, ImportRecord } from '../../domain/import-records.js';
import { readCommento } from './commento.js';
import { readDisqus } from './disqus.js';
import type { ReadLimits, ReadProgress } from './file.js';
import { readIsso } from './isso.js';
import { readParley } from './parley.js';
import { readRemark42 } from './remark42.js';
import { readWordPress } from './wordpress.js';

/**
 * Opens a source file as an async iterable of normalised records, plus how far it has got, within
 * `limits` (Isso's, an SQLite database, has none to keep: SQLite reads it a page at a time).
 */
export type Reader = (path: string, limits?: ReadLimits) => { records: AsyncIterable<ImportRecord> } & ReadProgress;

const READERS: Record<ImportFormat, Reader> = {
  disqus: readDisqus,
  wordpress: readWordPress,
  isso: readIsso,
  remark42: readRemark42,
  commento: readCommento,
  parley: readParley,
};

/** The reader for one `--from` format. */
export function readerFor(format: ImportFormat): Reader {
  return READERS[format];
}
