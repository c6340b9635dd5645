import { Problem } from '../../domain/problem.js';
import type { Storage } from '../../storage/types.js';
import type { App } from '../env.js';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers). */
export function healthRoutes(app: App, storage: Storage): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await storage.ping();
    } catch {
      throw new Problem(503, 'unavailable', 'The database cannot be reached');
    }
    return c.json({ status: 'ok', database: storage.dialect });
  });
}
