import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backends, problemOf, testApp } from '../../test-support.js';

/** Liveness and readiness. */

for (const backend of backends) {
  describe(`health on ${backend.name}`, () => {
    test('/healthz answers while the process runs, even with the database gone', async () => {
      const t = await testApp(backend);
      const res = await t.app.request('/healthz');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
      await t.storage.close();
      assert.equal((await t.app.request('/healthz')).status, 200);
    });

    test('/readyz is 200 with the database up and a 503 problem once it is closed', async () => {
      const t = await testApp(backend);
      const up = await t.app.request('/readyz');
      assert.equal(up.status, 200);
      assert.deepEqual(await up.json(), { status: 'ok', database: backend.name });
      await t.storage.close();
      const down = await t.app.request('/readyz');
      assert.equal(down.status, 503);
      const problem = await problemOf(down);
      assert.equal(problem.code, 'unavailable');
    });
  });
}
