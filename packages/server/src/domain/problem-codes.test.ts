import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PROBLEM_CODES } from './problem.js';

/**
 * Clients map `code` to their own messages, so every code the server can answer with must be a
 * {@link PROBLEM_CODES} member and stand in a status table of docs/api.md or docs/admin-api.md,
 * and the tables must not name codes that no longer exist.
 */

const src = fileURLToPath(new URL('..', import.meta.url));
const docs = fileURLToPath(new URL('../../../../docs/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Codes in the second column of `| status | codes | when |` rows. */
function documented(file: string): Set<string> {
  const codes = new Set<string>();
  for (const line of readFileSync(join(docs, file), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^\d{3}$/.test(cells[1] ?? '')) continue;
    for (const m of (cells[2] ?? '').matchAll(/`([a-z-]+)`/g)) codes.add(m[1] as string);
  }
  return codes;
}

const known = new Set<string>(PROBLEM_CODES);
const listed = new Set([...documented('api.md'), ...documented('admin-api.md')]);

test('every code a Problem is built with in the server is a ProblemCode', () => {
  const used = new Map<string, string>();
  let problems = 0;
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    let variable = false;
    for (const m of text.matchAll(/new Problem\(\s*[\w.]+,\s*(?:'([a-z-]+)'|(\w+))/g)) {
      problems++;
      if (m[1]) used.set(m[1], file);
      variable ||= m[2] === 'code';
    }
    // A code chosen at run time names its candidates as literals beside it (http/problem.ts).
    if (!variable) continue;
    for (const m of text.matchAll(/const code =([^;]+);/g)) {
      for (const c of (m[1] as string).matchAll(/'([a-z-]+)'/g)) used.set(c[1] as string, file);
    }
  }
  assert.ok(problems > 50, `found only ${problems} Problems: is the scan looking in the right place (${src})?`);
  for (const [code, file] of used) assert.ok(known.has(code), `${file} answers with "${code}", which is no ProblemCode`);
});

test('every ProblemCode is in a status table of docs/api.md or docs/admin-api.md', () => {
  assert.ok(listed.size > 20, 'the status tables were not found');
  const missing = PROBLEM_CODES.filter((c) => !listed.has(c));
  assert.deepEqual(missing, [], `undocumented codes: ${missing.join(', ')}`);
});

test('the status tables name no code that does not exist', () => {
  const stale = [...listed].filter((c) => !known.has(c));
  assert.deepEqual(stale, [], `documented but unknown: ${stale.join(', ')}`);
});
