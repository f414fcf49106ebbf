/**
 * `proofdesk hash` end to end: the built CLI (`apps/server/bin/proofdesk.js`) in a child process, on real photos, with
 * its output compared to the reference C++ hasher's hashes, and on hostile or unreadable input.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { hammingDistance } from '@proofdesk/forensics';
import { REPO_ROOT, fixturePath } from '../../testing/paths.js';
import { HASH_USAGE } from './hash.command.js';

const CLI = join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js');
const LINE = /^([0-9a-f]{64})\t(\d{1,3})\t(.+)$/;

function proofdesk(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Expected hashes of the fixtures, by path relative to the repository: the reference hasher's, else Meta's CSV. */
function expectedHashes(): Map<string, { hash: string; quality?: number }> {
  const rows = (name: string) =>
    readFileSync(fixturePath('pdq', name), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'));
  const expected = new Map<string, { hash: string; quality?: number }>();
  for (const [hash, file] of rows('meta-expected-hashes.tsv')) expected.set(`fixtures/pdq/${file}`, { hash: hash! });
  for (const [hash, quality, file] of rows('reference-hashes.tsv')) {
    expected.set(`fixtures/pdq/${file}`, { hash: hash!, quality: Number(quality) });
  }
  return expected;
}
const reference = expectedHashes();

const scratch = mkdtempSync(join(tmpdir(), 'proofdesk-hash-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('proofdesk hash (built CLI)', () => {
  it('prints <hash>\\t<quality>\\t<path> per photo, folders expanded in name order, matching the reference', (t) => {
    const { status, stdout, stderr } = proofdesk([
      'hash',
      'fixtures/pdq/bridge-mods',
      'fixtures/pdq/labelme/q0122.jpg',
    ]);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const lines = stdout.split('\n');
    assert.equal(lines.pop(), '', 'output ends with a newline');
    const files = lines.map((line) => {
      const match = LINE.exec(line);
      assert.ok(match, `malformed line: ${JSON.stringify(line)}`);
      const [, hash, quality, file] = match;
      const expected = reference.get(file!);
      assert.ok(expected, `no reference for ${file}`);
      const distance = hammingDistance(hash!, expected.hash);
      t.diagnostic(`${file}: ${distance} bits from the reference, quality ${quality} vs ${expected.quality ?? '?'}`);
      assert.ok(distance <= 10, `${file}: ${distance} bits`);
      if (expected.quality !== undefined) assert.ok(Math.abs(Number(quality) - expected.quality) <= 2);
      return file;
    });
    assert.deepEqual(files, [
      'fixtures/pdq/bridge-mods/aaa-orig.jpg',
      'fixtures/pdq/bridge-mods/blur-a-lot.jpg',
      'fixtures/pdq/bridge-mods/sharpen-a-lot.jpg',
      'fixtures/pdq/bridge-mods/shrink-a-little.jpg',
      'fixtures/pdq/bridge-mods/shrink-a-lot.jpg',
      'fixtures/pdq/bridge-mods/square-128x128.jpg',
      'fixtures/pdq/bridge-mods/square-256x256.jpg',
      'fixtures/pdq/bridge-mods/square-512x512.jpg',
      'fixtures/pdq/labelme/q0122.jpg',
    ]);
  });

  it('names every file it cannot hash on stderr, with why, hashes the rest and exits 1', () => {
    const svg = join(scratch, 'drawing.jpg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>');
    const cut = join(scratch, 'cut.jpg');
    const whole = readFileSync(fixturePath('pdq', 'bridge-mods', 'aaa-orig.jpg'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const { status, stdout, stderr } = proofdesk([
      'hash',
      '--lang',
      'en',
      svg,
      'fixtures/pdq/misc/wee.jpg',
      'no/such/photo.jpg',
      cut,
      'fixtures/pdq',
    ]);
    assert.equal(status, 1);
    assert.match(stdout, /^[0-9a-f]{64}\t\d+\tfixtures\/pdq\/misc\/wee\.jpg\n$/);
    const errors = stderr.trimEnd().split('\n');
    assert.equal(errors.length, 6, stderr);
    assert.match(errors[0]!, new RegExp(`^proofdesk hash: ${svg}: unsupported format, not hashed \\(.*SVG.*\\)$`));
    assert.match(
      errors[1]!,
      /^proofdesk hash: no\/such\/photo\.jpg: cannot read the file, not hashed \(no such file\)$/,
    );
    assert.match(errors[2]!, new RegExp(`^proofdesk hash: ${cut}: the file is truncated, not hashed`));
    // A folder whose own files are the manifest and the TSVs (the photos are in sub-folders): each is named.
    assert.match(errors[3]!, /^proofdesk hash: fixtures\/pdq\/manifest\.json: unsupported format/);
    assert.match(errors[4]!, /^proofdesk hash: fixtures\/pdq\/meta-expected-hashes\.tsv: unsupported format/);
    assert.match(errors[5]!, /^proofdesk hash: fixtures\/pdq\/reference-hashes\.tsv: unsupported format/);
  });

  it('applies the byte limit without reading the file, and the pixel limit before decoding', () => {
    const photo = 'fixtures/pdq/bridge-mods/aaa-orig.jpg';
    const bytes = proofdesk(['hash', '--lang', 'en', photo], { PROOFDESK_MAX_BYTES: '100000' });
    assert.equal(bytes.status, 1);
    assert.match(
      bytes.stderr,
      /aaa-orig\.jpg: over the size limits, not hashed \(the file is 361182 bytes, over the 100000-byte limit/,
    );
    const pixels = proofdesk(['hash', '--lang', 'en', photo], { PROOFDESK_MAX_PIXELS: '1000000' });
    assert.equal(pixels.status, 1);
    assert.match(pixels.stderr, /the image is 1600×1004 \(1606400 pixels\), over the 1000000-pixel limit/);
    assert.equal(pixels.stdout, '');
  });

  it('writes error lines in Chinese by default', () => {
    const { status, stderr } = proofdesk(['hash', 'no/such/photo.jpg'], { LC_ALL: '', LC_MESSAGES: '', LANG: '' });
    assert.equal(status, 1);
    assert.equal(stderr, 'proofdesk hash：no/such/photo.jpg：无法读取文件，未能计算哈希（no such file）\n');
  });

  for (const [name, args] of [
    ['no photo', ['hash']],
    ['an unknown option', ['hash', '--bogus', 'fixtures/pdq/misc/wee.jpg']],
    ['a bad --concurrency', ['hash', '--concurrency', '0', 'fixtures/pdq/misc/wee.jpg']],
    ['a bad --lang', ['hash', '--lang', 'fr', 'fixtures/pdq/misc/wee.jpg']],
  ] as const) {
    it(`exits 2 with the usage for ${name}`, () => {
      const { status, stdout, stderr } = proofdesk(args);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes(HASH_USAGE.split('\n')[0]!), stderr);
    });
  }
});
