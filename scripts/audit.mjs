#!/usr/bin/env node
// `pnpm audit:prod`: `pnpm audit --prod --audit-level high`, failing on high or critical
// findings. Where the registry's audit endpoint cannot be reached (this project's machines only
// reach the registry with GET and HEAD, and every audit API is a POST: pnpm's audits/quick and
// audits, npm's advisories/bulk, all answer 405), it prints "audit endpoint unreachable" and
// exits 0: an unreachable service is reported, not counted as a clean audit or as a failure.
import { spawnSync } from 'node:child_process';

const run = spawnSync('pnpm', ['audit', '--prod', '--audit-level', 'high', '--json'], { encoding: 'utf8' });
const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
if (
  /ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|\b40[35]\b|\b5\d\d\b/.test(out) &&
  !out.includes('"advisories"')
) {
  console.log('audit endpoint unreachable: `pnpm audit --prod` could not get an answer from the registry; no findings checked.');
  const lines = out.split('\n');
  // The line with the HTTP answer says why; the error code alone does not.
  console.log(
    (lines.find((l) => l.includes('responded')) ?? lines.find((l) => l.includes('ERR_PNPM')) ?? out.slice(0, 300)).trim(),
  );
  process.exit(0);
}
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`pnpm audit gave no report:\n${out.slice(0, 1000)}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`pnpm audit --prod: ${JSON.stringify(counts)}`);
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
if (serious) console.error(`${serious} high or critical finding(s): run \`pnpm audit --prod\` for details.`);
process.exit(serious ? 1 : 0);
