import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeName } from './package-zip.js';

describe('safeName', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['IMG_0001.JPG', 'IMG_0001.JPG'],
    ['破损 照片（1）.jpg', '破损_照片_1_.jpg'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['line\nbreak\t.jpg', 'line_break_.jpg'],
    ['.hidden', 'hidden'],
    ['', 'file'],
    ['///', 'file'],
    [`${'a'.repeat(100)}.jpg`, `${'a'.repeat(76)}.jpg`],
    [`${'b'.repeat(40)}.${'c'.repeat(79)}`, 'c'.repeat(79)],
  ];
  for (const [input, expected] of cases)
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(safeName(input), expected));

  it('never yields a path separator, a parent reference or a line break (SHA256SUMS is one line per file)', () => {
    for (const [input] of cases) assert.doesNotMatch(safeName(input), /[/\\\n\r]|^\.\.?$/);
  });
});
