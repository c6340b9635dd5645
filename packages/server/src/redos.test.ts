import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { check } from 'recheck';
import ts from 'typescript';

/**
 * Every regular expression in the server's and the widget's source, found by parsing the files
 * (so a new one is covered without editing this test) and checked with recheck, a ReDoS checker:
 * none may have super-linear backtracking on some input. Test files are left out: their patterns
 * only ever see the tests' own strings.
 */

const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = ['packages/server/src', 'packages/widget/src'];

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals and `RegExp(...)` / `new RegExp(...)` calls; a call whose pattern is not a literal is reported as such. */
export function findRegExps(file: string): { found: Found[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const dynamic: string[] = [];
  const at = (node: ts.Node) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return `${relative(ROOT, file)}:${line + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      found.push({ where: at(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? [];
      const literal = (n: ts.Node | undefined) =>
        n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;
      const source = literal(pattern);
      if (source === undefined || (flags && literal(flags) === undefined)) dynamic.push(at(node));
      else found.push({ where: at(node), source, flags: literal(flags) ?? '' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { found, dynamic };
}

const files = FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)));
const scanned = files.map(findRegExps);
const all = scanned.flatMap((s) => s.found);

test('the scan finds the regular expressions it should (a literal, a RegExp call, and the site id pattern)', () => {
  const probe = join(import.meta.dirname, '../bench/redos-probe.fixture.ts');
  const { found, dynamic } = findRegExps(probe);
  assert.deepEqual(
    found.map((f) => [f.source, f.flags]),
    [
      ['^a+b$', 'i'],
      ['x{2}', 'g'],
    ],
  );
  assert.equal(dynamic.length, 1, 'a RegExp built from a variable is reported');
  assert.ok(
    all.some((f) => f.source === '^[a-z0-9-]{1,64}$'),
    'the site id pattern in http/schemas.ts is among those found',
  );
  assert.ok(all.length >= 10, `found only ${all.length}`);
});

test('no regular expression is built at run time from a non-literal (it could not be checked)', () => {
  assert.deepEqual(
    scanned.flatMap((s) => s.dynamic),
    [],
  );
});

test('recheck finds no ReDoS in any regular expression of the server and widget source', async () => {
  // Checked four at a time (recheck runs them in its own process); a minute each because the
  // fuzzing checker needs about ten seconds for the widget's inline-markdown pattern on a busy machine.
  const queue = [...all];
  const results: { r: Found; d: Awaited<ReturnType<typeof check>> }[] = [];
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) results.push({ r, d: await check(r.source, r.flags, { timeout: 60_000 }) });
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const unsafe: string[] = [];
  for (const { r, d } of results) {
    // `unknown` means recheck could not decide in time: treated as unsafe, so the pattern gets simplified.
    if (d.status !== 'safe') {
      const why = d.status === 'vulnerable' ? `${d.complexity.summary}, attack ${JSON.stringify(d.attack.pattern)}` : d.status;
      unsafe.push(`${r.where} /${r.source}/${r.flags}: ${why}`);
    }
  }
  console.log(`recheck: ${all.length} regular expressions in ${files.length} files, ${unsafe.length} unsafe`);
  assert.deepEqual(unsafe, []);
});
