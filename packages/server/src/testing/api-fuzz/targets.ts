import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One route to aim requests at. */
export interface Target {
  method: string;
  /** Hono form: `/api/v1/comments/:id`. */
  path: string;
  /** Query parameter names it documents. */
  query: string[];
  /** Top-level body field names it documents. */
  body: string[];
}

interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOp>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}
interface OpenApiOp {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string; properties?: Record<string, unknown> } }> };
}

// Body fields of the admin API, which has no OpenAPI document (docs/admin-api.md).
const ADMIN_BODY: Record<string, string[]> = {
  '/api/admin/login': ['email', 'password'],
  '/api/admin/password': ['currentPassword', 'newPassword'],
  '/api/admin/comments/bulk': ['action', 'ids'],
  '/api/admin/comments/:id/reply': ['body'],
  '/api/admin/comments/:id': ['body'],
  '/api/admin/pages/lock': ['site', 'page'],
  '/api/admin/pages/unlock': ['site', 'page'],
  '/api/admin/sites/:id': ['name', 'origins', 'settings'],
  '/api/admin/bans': ['kind', 'value', 'commentId', 'site', 'expiresAt', 'reason'],
  '/api/admin/me': ['locale'],
  '/api/admin/sites/:id/webhooks': ['url', 'events'],
};
const ADMIN_QUERY = ['site', 'page', 'status', 'q', 'cursor', 'limit', 'format', 'dryRun', 'mapUrl'];

/**
 * Every route of the app: the public API from its OpenAPI document (query and body names
 * included), then every other route the app registered (admin API, health, notify pages, the
 * embed script, the share page and admin console), so a route added without documentation is
 * fuzzed too.
 */
export function targetsOf(doc: OpenApiDoc, routes: { method: string; path: string }[]): Target[] {
  const out = new Map<string, Target>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const honoPath = path.replace(/\{([^{}]+)\}/g, ':$1');
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const ref = schema?.$ref?.split('/').pop();
      const props = (ref ? doc.components?.schemas?.[ref]?.properties : schema?.properties) ?? {};
      out.set(`${method.toUpperCase()} ${honoPath}`, {
        method: method.toUpperCase(),
        path: honoPath,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: Object.keys(props),
      });
    }
  }
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    if (r.method === 'ALL' || out.has(key)) continue;
    const admin = r.path.startsWith('/api/admin');
    out.set(key, {
      method: r.method,
      path: r.path,
      query: admin ? ADMIN_QUERY : ['t', 'action', 'site', 'page'],
      body: ADMIN_BODY[r.path] ?? [],
    });
  }
  return [...out.values()];
}

/**
 * A widget (with its share page) and an admin-console build in a temporary folder, so their
 * routes are mounted and can answer 200; the caller removes `root` when done.
 */
export function fakeBuilds(): { widgetDir: string; adminDir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
  const widgetDir = join(root, 'widget');
  const adminDir = join(root, 'admin');
  mkdirSync(join(widgetDir, 'embed'), { recursive: true });
  mkdirSync(join(widgetDir, 'share'), { recursive: true });
  mkdirSync(join(adminDir, 'assets'), { recursive: true });
  writeFileSync(join(widgetDir, 'embed.js'), 'import("./embed/embed.AbCd1234.js");');
  writeFileSync(join(widgetDir, 'embed', 'embed.AbCd1234.js'), 'export {};');
  writeFileSync(join(widgetDir, 'share', 'fediverse.html'), '<script type="module" src="fediverse.AbCd1234.js"></script>');
  writeFileSync(join(widgetDir, 'share', 'fediverse.AbCd1234.js'), 'export {};');
  writeFileSync(join(adminDir, 'index.html'), '<!doctype html><title>Parley admin</title>');
  writeFileSync(join(adminDir, 'assets', 'admin.AbCd1234.js'), 'export {};');
  return { widgetDir, adminDir, root };
}
