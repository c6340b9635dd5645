/**
 * `pnpm test:fuzz [--runs N] [--seed S] [--backend sqlite|postgres|both]`: the full variant of the
 * API fuzz (issue 10; the fast one is src/http/api-fuzz.test.ts in `pnpm test`). Sends N hostile
 * requests (default 5,000) per backend to an in-process app and checks every answer and, at the
 * end, the stored data (src/testing/api-fuzz/). PostgreSQL needs PARLEY_TEST_DATABASE_URL.
 * Prints the seed (replay a failure with --seed), answers by status and problem code, routes hit,
 * and exits 1 on any violation.
 */
import { parseArgs } from 'node:util';
import { backends } from '../src/test-support.js';
import { fuzzApi } from '../src/testing/api-fuzz/run.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5000' },
    seed: { type: 'string' },
    backend: { type: 'string', default: 'both' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const wanted = values.backend === 'both' ? ['sqlite', 'postgres'] : [values.backend];
if (wanted.includes('postgres') && !backends.some((b) => b.name === 'postgres')) {
  console.error(
    'PostgreSQL: set PARLEY_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test), or pass --backend sqlite',
  );
  process.exit(2);
}
let failed = false;
for (const backend of backends.filter((b) => wanted.includes(b.name))) {
  console.log(`\n# API fuzz, ${backend.name}: ${runs} requests, seed ${seed}`);
  const r = await fuzzApi({ backend, runs, seed });
  const hit = Object.keys(r.perTarget).length;
  const reached = Object.values(r.perTarget).filter((t) => t.ok > 0).length;
  console.log(`routes: ${r.targets.length} (${hit} hit, ${reached} answered 2xx at least once)`);
  console.log(`answers by status: ${JSON.stringify(r.statuses)}`);
  console.log(`problem codes: ${JSON.stringify(r.codes)}`);
  console.log(`not sendable by fetch (skipped): ${r.unsendable}`);
  console.log(
    `stored afterwards: ${r.stored.sites} sites, ${r.stored.pages} pages, ${r.stored.comments} comments (${r.stored.listed} listed)`,
  );
  console.log(`time: ${(r.ms / 1000).toFixed(1)} s`);
  if (r.violations.length) {
    failed = true;
    console.log(`VIOLATIONS (replay with --seed ${seed} --backend ${backend.name}):`);
    for (const v of r.violations) console.log(v);
  } else console.log('violations: 0 (no 5xx, no throw, every 4xx problem+json with a known code, stored data valid)');
}
process.exit(failed ? 1 : 0);
