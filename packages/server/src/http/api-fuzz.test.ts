import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends } from '../test-support.js';
import { fuzzApi } from '../testing/api-fuzz/run.js';

// The fast variant of the API fuzz (issue 10): a few hundred hostile requests per backend, a
// new seed each run (printed, so a failure can be replayed with PARLEY_FUZZ_SEED). The full
// variant, thousands of cases, is `pnpm test:fuzz` in `pnpm test:full`.
const RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.PARLEY_FUZZ_SEED ?? Date.now() % 2 ** 31);

for (const backend of backends) {
  describe(`API fuzz (${backend.name})`, () => {
    test(`${RUNS} hostile requests over every route: no 5xx, problem+json 4xx with known codes, stored data valid`, {
      timeout: 120_000,
    }, async (t) => {
      const report = await fuzzApi({ backend, runs: RUNS, seed: SEED });
      t.diagnostic(`seed ${SEED}; ${report.targets.length} routes; statuses ${JSON.stringify(report.statuses)}; ${report.ms} ms`);
      assert.deepEqual(report.violations, [], `seed ${SEED}`);
      // The run reached the data: comments were written and read back through the listing.
      assert.ok(report.stored.comments > 4, `only ${report.stored.comments} comments stored`);
      assert.ok(Object.keys(report.perTarget).length > report.targets.length / 2, 'most routes were hit');
    });
  });
}
