import type { ImportFormat, UrlRule } from './import-records.js';

/** How one import runs: into which site, from which format, and how. */
export interface ImportOptions {
  siteId: string;
  source: ImportFormat;
  urlRules?: UrlRule[];
  /** Reads, validates and writes everything inside one transaction that is rolled back. */
  dryRun?: boolean;
  /** Comments written per transaction; default 500. */
  batchSize?: number;
  now?: () => number;
}

/** Running totals of an import, shown as it goes and in the summary. */
export interface ImportCounts {
  /** Source records read (comments and unreadable records). */
  read: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Pages created. */
  pages: number;
}

/** One record that was skipped, failed, or imported with a change worth knowing. */
export interface ImportIssue {
  sourceId: string;
  reason: string;
  at?: string;
}

/** What a finished import reports: its counts, issues grouped by reason and the first few in full. */
export interface ImportSummary extends ImportCounts {
  dryRun: boolean;
  /** How many records were skipped or failed, per reason. */
  skippedBy: Record<string, number>;
  failedBy: Record<string, number>;
  /** The first failures and warnings, one by one. */
  failures: ImportIssue[];
  warnings: ImportIssue[];
  warningCount: number;
}
