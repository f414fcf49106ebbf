import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturePath } from '../testing/paths.js';
import { makeFixtures, SYNTHETIC_DIR, type MakeFixturesResult } from './make-fixtures.js';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Manifest {
  files: { file: string; source: string; licence: string; demonstrates: string }[];
}
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('make-fixtures', () => {
  let outDir: string;
  let result: MakeFixturesResult;
  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'proofdesk-fixtures-'));
    // Chromium output depends on the installed browser and fonts: the committed captures are the reference, and
    // the forwarded-screenshot variant is regenerated from them.
    result = await makeFixtures({ outDir, chromium: false, log: () => undefined });
  });
  after(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('regenerates every non-Chromium fixture byte for byte as committed', () => {
    assert.ok(result.written.length >= 30, `only ${result.written.length} files written`);
    const differing = [...result.written, 'manifest.json'].filter(
      (file) => sha256(join(outDir, file)) !== sha256(join(SYNTHETIC_DIR, file)),
    );
    assert.deepEqual(differing, [], 'regenerated fixtures differ from the committed ones: run `npm run fixtures`');
  });

  it('skips exactly the Chromium captures, whose committed PNGs exist', () => {
    assert.deepEqual([...result.skipped].sort(), [
      'screenshot-desktop-1920x1080.png',
      'screenshot-phone-1080x2400.png',
      'screenshot-phone-1170x2532.png',
    ]);
    for (const file of result.skipped) assert.ok(existsSync(join(SYNTHETIC_DIR, file)), file);
  });

  for (const folder of ['synthetic', 'camera', 'listing', 'screenshots']) {
    it(`fixtures/${folder}/manifest.json lists exactly the files in the folder, each fully described`, () => {
      const dir = fixturePath(folder);
      const manifest = readManifest(dir);
      const listed = manifest.files.map((f) => f.file).sort();
      const present = readdirSync(dir)
        .filter((f) => f !== 'manifest.json')
        .sort();
      assert.deepEqual(listed, present);
      for (const entry of manifest.files) {
        for (const key of ['source', 'licence', 'demonstrates'] as const) {
          assert.ok(entry[key].trim().length > 0, `${folder}/${entry.file} has no ${key}`);
        }
      }
    });
  }
});
