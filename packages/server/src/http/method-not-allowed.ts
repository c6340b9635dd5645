import { Problem } from '../domain/problem.js';
import { problemResponse } from './problem.js';

/** A registered route as Hono lists it (`app.routes`). */
interface Route {
  method: string;
  path: string;
}

/**
 * The answer for a request no route matched: `405 method-not-allowed` with `Allow` when the path
 * exists under other methods (RFC 9110 §15.5.6), else `404 not-found`. The routes are read on the
 * first miss, when every route is registered.
 */
export function notFoundOrNotAllowed(routes: () => Route[]): (path: string) => Response {
  let table: { method: string; segments: string[] }[] | undefined;
  return (path) => {
    table ??= routes()
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({ method: r.method, segments: r.path.split('/') }));
    const parts = path.split('/');
    const allowed = [...new Set(table.filter((r) => matches(r.segments, parts)).map((r) => r.method))];
    if (allowed.length === 0) return problemResponse(new Problem(404, 'not-found', 'No such resource'));
    if (allowed.includes('GET')) allowed.push('HEAD');
    const res = problemResponse(new Problem(405, 'method-not-allowed', `Use ${allowed.join(', ')} here`));
    res.headers.set('allow', allowed.join(', '));
    return res;
  };
}

// `/api/v1/comments/:id`: a `:name` segment matches any one segment, the others only themselves.
// Compared segment by segment rather than as a RegExp built from the path (src/redos.test.ts).
function matches(route: string[], parts: string[]): boolean {
  return route.length === parts.length && route.every((seg, i) => (seg.startsWith(':') ? parts[i] !== '' : seg === parts[i]));
}
