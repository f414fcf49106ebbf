import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkPhoto, DEFAULT_LIMITS, SIGNALS, sniffFormat, type Finding, type PhotoReport } from '@proofdesk/forensics';
import { fixturePath, REPO_ROOT } from '../../testing/paths.js';
import { createForensicPorts } from './forensic-ports.js';

/** The screenshot signal end to end: real files, sharp decoder (preview), exifr metadata. */
const ports = createForensicPorts(DEFAULT_LIMITS);
after(() => ports.close());
const signal = SIGNALS.find((s) => s.name === 'screenshot')!;
const shared = join(REPO_ROOT, '..', 'shared', 'data', 'images');

async function check(file: string, bytes: Uint8Array): Promise<PhotoReport> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return checkPhoto({ file, bytes, sha256 }, ports, { signals: [signal] });
}
const screenshot = (r: PhotoReport) => r.findings.find((f) => f.code === 'capture.screenshot');

/** Every fixture that is a screenshot, with what the finding must say; every other fixture must stay silent. */
const SCREENSHOTS: Record<string, { severity: Finding['severity']; score: number; evidence: string[] }> = {
  'screenshots/macos-popup-640x400.png': { severity: 'warn', score: 0.45, evidence: ['marker'] },
  'screenshots/macos-browser-1280x800.png': { severity: 'warn', score: 0.45, evidence: ['marker', 'screen'] },
  'synthetic/iptc-screen-capture.png': { severity: 'warn', score: 0.45, evidence: ['marker'] },
  'synthetic/screenshot-phone-1170x2532.png': { severity: 'warn', score: 0.405, evidence: ['screen', 'statusBar'] },
  'synthetic/screenshot-phone-1080x2400.png': { severity: 'warn', score: 0.405, evidence: ['screen', 'statusBar'] },
  'synthetic/screenshot-phone-forwarded.jpg': { severity: 'info', score: 0.27, evidence: ['statusBar'] },
  'synthetic/screenshot-desktop-1920x1080.png': { severity: 'info', score: 0.18, evidence: ['screen', 'flatShare'] },
};

describe('screenshot signal on the fixtures', () => {
  const files = ['camera', 'listing', 'screenshots', 'synthetic'].flatMap((folder) =>
    readdirSync(fixturePath(folder))
      .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
      .map((f) => `${folder}/${f}`),
  );
  for (const file of files) {
    const expected = SCREENSHOTS[file];
    it(`${file}: ${expected ? `${expected.severity} ${expected.score} from ${expected.evidence.join(' + ')}` : 'silent'}`, async () => {
      const report = await check(file, new Uint8Array(readFileSync(fixturePath(...file.split('/')))));
      const finding = screenshot(report);
      if (!expected) {
        assert.equal(finding, undefined, finding?.detail.en);
        return;
      }
      assert.equal(finding?.severity, expected.severity, finding?.detail.en);
      assert.equal(finding.score, expected.score);
      for (const key of expected.evidence)
        assert.ok(finding.facts && key in finding.facts, `${key} in ${JSON.stringify(finding.facts)}`);
      assert.match(finding.detail.zh, /截图/);
    });
  }

  it('measures a white status bar with dark glyphs on the iPhone capture, an orange one on the Android capture', async () => {
    const bar = async (name: string) => {
      const report = await check(name, new Uint8Array(readFileSync(fixturePath('synthetic', name))));
      return (screenshot(report)?.facts as { statusBar: { background: number[]; groups: unknown[] } }).statusBar;
    };
    const iphone = await bar('screenshot-phone-1170x2532.png');
    assert.deepEqual(iphone.background, [255, 255, 255]);
    assert.equal(iphone.groups.length, 2);
    assert.deepEqual((await bar('screenshot-phone-1080x2400.png')).background, [255, 80, 0]);
  });
});

describe('screenshot signal on the shared corpus', { skip: !existsSync(shared) && 'shared data not present' }, () => {
  function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  }
  async function flagged(folder: string): Promise<{ fired: string[]; checked: number }> {
    const fired: string[] = [];
    let checked = 0;
    for (const path of walk(join(shared, folder))) {
      const bytes = new Uint8Array(readFileSync(path));
      if (sniffFormat(bytes).kind !== 'image') continue;
      const report = await check(path, bytes);
      if (report.verdict === 'error') continue;
      checked++;
      if (screenshot(report)) fired.push(relative(join(shared, folder), path));
    }
    return { fired, checked };
  }

  it('never fires on camera photos and parser samples (one real macOS screenshot among them is found)', async (t) => {
    const { fired, checked } = await flagged('metadata');
    t.diagnostic(`checked ${checked} decodable files`);
    assert.deepEqual(fired, ['metadata-extractor-images/png/Issue 280 (dotnet).png']);
  });

  it('never fires on the merchants’ listing photos (white backgrounds, transparent PNG mock-ups)', async (t) => {
    const { fired, checked } = await flagged('products');
    t.diagnostic(`checked ${checked} listing photos`);
    assert.deepEqual(fired, []);
    assert.ok(checked >= 100);
  });

  it('finds the real screenshots that carry the macOS marker', async () => {
    const { fired } = await flagged('screenshots');
    assert.deepEqual(fired.sort(), [
      'digimarc-c2pa-ext/docs_screenshot-extension-popup.png',
      'digimarc-c2pa-ext/docs_screenshot-extension.png',
      'receyuki-sd-prompt-reader/images_screenshot_v130.png',
    ]);
  });
});
