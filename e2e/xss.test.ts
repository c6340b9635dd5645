import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support.js';
import { trappedPage, type XssTraps, xssVectors } from './xss.js';

// The XSS tests of the widget and the console pass when these traps see nothing, so this checks
// that they do see what they are for.

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the traps record calls, page errors and every kind of unsafe attribute', async () => {
  const { context, page, problems } = await trappedPage(browser);
  try {
    await page.setContent(
      '<a id="a" href=" java\tscript:alert(1)" onclick="void 0">a</a><img id="b" src="data:image/svg+xml,x" OnError="void 0">' +
        '<a id="c" href="https://example.com/" title="javascript is fine in text">c</a>',
    );
    // The error is thrown from a timer after `evaluate` returns: wait for the page to report it
    // (the traps' own listener was added first, so it has recorded it by then).
    const late = page.waitForEvent('pageerror', { timeout: 5_000 });
    const report = await page.evaluate(() => {
      const traps = window as unknown as XssTraps;
      alert('one');
      print();
      setTimeout(() => {
        throw new Error('late');
      });
      return ['a', 'b', 'c'].map((id) => traps.__unsafeAttributes(document.getElementById(id)!));
    });
    assert.deepEqual(report, [
      ['<a href=" java\tscript:alert(1)">', '<a onclick>'],
      ['<img src="data:image/svg+xml,x">', '<img onerror>'],
      [],
    ]);
    assert.deepEqual(await page.evaluate(() => (window as unknown as XssTraps).__fired), ['alert(one)', 'print()']);
    await late;
    assert.deepEqual(problems, ['error: late']);
  } finally {
    await context.close();
  }
});

test('the corpus loads without blanks or repeats, and `skip` and `extra` apply', () => {
  const all = xssVectors();
  assert.ok(all.length > 2000, `${all.length} vectors`);
  assert.equal(new Set(all).size, all.length);
  assert.ok(all.every((v) => v.trim() && !v.endsWith('\r')));
  const fewer = xssVectors({ skip: (f) => f.startsWith('xss_alert'), extra: ['<b>extra</b>'] });
  assert.ok(fewer.length < all.length && fewer.includes('<b>extra</b>'));
});
