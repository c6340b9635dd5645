import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkValue, defaultSettings, findSetting, parseCliValue, SETTING_KEYS, SETTINGS_SPEC } from './site-settings-spec.js';

test('docs/configuration.md names every setting by key and command-line name', () => {
  const doc = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
  for (const key of SETTING_KEYS) {
    assert.ok(doc.includes(`\`${key}\``), `configuration.md lacks ${key}`);
    assert.ok(doc.includes(`\`${SETTINGS_SPEC[key].cli}\``), `configuration.md lacks ${SETTINGS_SPEC[key].cli}`);
  }
});

test('every default passes its own check, and command-line names are unique kebab-case', () => {
  const defaults = defaultSettings() as unknown as Record<string, unknown>;
  const names = new Set<string>();
  for (const key of SETTING_KEYS) {
    const spec = SETTINGS_SPEC[key];
    assert.deepEqual(checkValue(spec, defaults[key]), { ok: true, value: defaults[key] }, key);
    assert.match(spec.cli, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!names.has(spec.cli), spec.cli);
    names.add(spec.cli);
    assert.equal(findSetting(spec.cli)?.key, key);
  }
});

test('command-line values are parsed and limits enforced', () => {
  const minute = SETTINGS_SPEC.rateLimitPerMinute;
  assert.deepEqual(parseCliValue(minute, '0'), { ok: true, value: 0 });
  assert.equal(parseCliValue(minute, '10000').ok, true);
  assert.equal(parseCliValue(minute, '10001').ok, false);
  assert.equal(parseCliValue(minute, '1.5').ok, false);
  assert.equal(parseCliValue(minute, '').ok, false);
  assert.deepEqual(parseCliValue(SETTINGS_SPEC.requireEmail, 'off'), { ok: true, value: false });
  assert.equal(parseCliValue(SETTINGS_SPEC.requireEmail, 'maybe').ok, false);
  assert.deepEqual(parseCliValue(SETTINGS_SPEC.moderation, 'first'), { ok: true, value: 'first' });
  assert.equal(checkValue(SETTINGS_SPEC.moderation, 'ALL').ok, false);
  assert.equal(checkValue(SETTINGS_SPEC.maxDepth, '3').ok, false, 'the API takes JSON numbers, not strings');
  assert.equal(findSetting('no-such-thing'), undefined);
});

test('the admin console has its own label and hint for every setting, and a name for every choice, in each locale', () => {
  const i18n = fileURLToPath(new URL('../../../admin/src/i18n/', import.meta.url));
  const files = readdirSync(join(i18n, 'locales')).filter((f) => f.endsWith('.ts'));
  // The console offers exactly the languages its translator registers: each must have a table
  // here, and no table may sit unregistered (and so unchecked by the console's own tests).
  const translator = readFileSync(join(i18n, 'translator.ts'), 'utf8');
  const registered = [
    ...translator.matchAll(/^ {2}'?([a-z]{2}(?:-[A-Za-z]+)?)'?: \(\) => import\('\.\/locales\/([\w-]+)\.js'\)/gm),
  ];
  assert.ok(registered.length >= 6, 'translator.ts registers the console locales');
  for (const [, lang, file] of registered) assert.equal(file, lang, `${lang} loads its own table`);
  assert.deepEqual(registered.map((m) => `${m[2]}.ts`).sort(), [...files].sort(), 'locale files and LOADERS agree');
  const tables = ['en.ts', ...files.map((f) => join('locales', f))];
  for (const table of tables) {
    const text = readFileSync(join(i18n, table), 'utf8');
    const keys = new Set([...text.matchAll(/^ {2}'([\w.-]+)':/gm)].map((m) => m[1]));
    const needed = SETTING_KEYS.flatMap((k) => {
      const spec = SETTINGS_SPEC[k];
      const values = spec.type === 'enum' ? spec.values.map((v) => `setting.${k}.${v}`) : [];
      return [`setting.${k}`, `setting.${k}.hint`, ...values];
    });
    assert.deepEqual(
      needed.filter((k) => !keys.has(k)),
      [],
      `${table} lacks these console terms`,
    );
  }
});
