import type { ImportCounts, ImportIssue, ImportSummary } from './import-types.js';

/** How many issues a summary lists one by one; the rest are only counted by reason. */
const LISTED = 50;

/**
 * The counts and issues of one import run. Kept apart from {@link ImportRun} so the run reads
 * as the walk over the records, and the bookkeeping (grouping and capping issues) sits here.
 */
export class ImportTally {
  /** Live counts; the CLI's progress line reads them while the run goes on. */
  readonly counts: ImportCounts = { read: 0, imported: 0, skipped: 0, failed: 0, pages: 0 };
  readonly #skippedBy: Record<string, number> = {};
  readonly #failedBy: Record<string, number> = {};
  readonly #failures: ImportIssue[] = [];
  readonly #warnings: ImportIssue[] = [];
  #warningCount = 0;

  /** Counts one skipped record under its reason. */
  skip(reason: string): void {
    this.counts.skipped++;
    this.#skippedBy[reason] = (this.#skippedBy[reason] ?? 0) + 1;
  }

  /** Counts one failed record; the first few are also listed one by one. */
  fail(issue: ImportIssue): void {
    this.counts.failed++;
    // Group by the reason without the quoted ids, so "unknown page" counts as one reason.
    const reason = issue.reason.replace(/"[^"]*"/g, '…');
    this.#failedBy[reason] = (this.#failedBy[reason] ?? 0) + 1;
    if (this.#failures.length < LISTED) this.#failures.push(issue);
  }

  /** Counts one record imported with a change worth knowing; the first few are listed. */
  warn(issue: ImportIssue): void {
    this.#warningCount++;
    if (this.#warnings.length < LISTED) this.#warnings.push(issue);
  }

  /** The summary a finished run returns. */
  summary(dryRun: boolean): ImportSummary {
    return {
      ...this.counts,
      dryRun,
      skippedBy: this.#skippedBy,
      failedBy: this.#failedBy,
      failures: this.#failures,
      warnings: this.#warnings,
      warningCount: this.#warningCount,
    };
  }
}
