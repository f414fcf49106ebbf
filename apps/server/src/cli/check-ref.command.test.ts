import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { CheckOutput } from '@proofdesk/forensics';
import { REPO_ROOT, fixturePath } from '../testing/paths.js';
import * as V from '../testing/reference-variants.js';

/** `proofdesk check --ref` end to end: the built bin, real files, JSON and HTML out. */
const BIN = join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js');
const LISTING = fixturePath('listing', 'jacket-green.jpg');
const OTHER_LISTING = fixturePath('listing', 'tote-bag-black.jpg');
const CAMERA = fixturePath('camera', 'nikon-z5-offset-time.jpg');
const dir = mkdtempSync(join(tmpdir(), 'proofdesk-ref-'));
const CLAIM = join(dir, 'claim.jpg');
const PLAIN = join(dir, 'plain.jpg');
let painted: { x: number; y: number; w: number; h: number };

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  const source = await V.decodeRgb(readFileSync(LISTING));
  const steps = [V.rotate(-4), V.scale(0.6), V.jpeg(75)];
  const stained = await V.applySteps(await V.paint(source, 'stain', { cx: 0.55, cy: 0.45, size: 0.2 }), steps);
  painted = V.maskBox(stained.mask!)!;
  writeFileSync(CLAIM, await V.encode(stained));
  writeFileSync(PLAIN, await V.encode(await V.applySteps(source, steps)));
});

describe('proofdesk check --ref', () => {
  it('finds the painted copy derived and forged, the plain copy suspicious, a camera photo clean', () => {
    const missing = join(dir, 'missing.jpg');
    const result = run([
      'check',
      CLAIM,
      PLAIN,
      CAMERA,
      '--ref',
      LISTING,
      '--ref',
      OTHER_LISTING,
      '--ref',
      missing,
      '--json',
      '--lang',
      'en',
    ]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(`reference ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} skipped: no such file`),
    );
    const { reports } = JSON.parse(result.stdout) as CheckOutput;
    assert.deepEqual(
      reports.map((r) => r.verdict),
      ['forged', 'suspicious', 'clean'],
    );
    const [claim, plain] = reports;
    const derived = claim!.findings.find((f) => f.code === 'reference.derived_from_listing');
    assert.equal(derived?.ref?.file, LISTING);
    assert.ok(Number.isInteger(derived.ref.distance));
    const edit = claim!.findings.find((f) => f.code === 'reference.local_edit');
    const found = V.unionBox(edit?.regions ?? []);
    assert.ok(
      found && V.boxIou(found, painted) >= 0.5,
      `regions ${JSON.stringify(edit?.regions)} vs ${JSON.stringify(painted)}`,
    );
    assert.equal(
      plain!.findings.find((f) => f.code === 'reference.local_edit'),
      undefined,
    );
  });

  it('exits 2 with a message when no reference is usable', () => {
    const result = run(['check', CLAIM, '--ref', join(dir, 'missing.jpg'), '--ref', join(REPO_ROOT, 'package.json')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no usable reference photo/);
  });

  it('shows the reference beside a derived photo in the HTML report, the heat map included', () => {
    const html = join(dir, 'report.html');
    const result = run(['check', CLAIM, '--ref', LISTING, '--html', html]);
    assert.equal(result.status, 0, result.stderr);
    const page = readFileSync(html, 'utf8');
    assert.match(page, /class="ref-figure"/);
    assert.match(page, /class="heatmap" src="data:image\/png;base64,/);
    assert.equal((page.match(/<img /g) ?? []).length, 3, 'photo, reference and heat map');
  });
});
