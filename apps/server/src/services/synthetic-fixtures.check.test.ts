import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { DEFAULT_LIMITS, checkPhoto, type PhotoReport, type Verdict } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { fixturePath } from '../testing/paths.js';

/**
 * The synthetic variants (`npm run fixtures`, see fixtures/synthetic/manifest.json) through the whole pipeline with
 * the real adapters: each must raise exactly the signals it was made to demonstrate, and nothing else that matters.
 */
const ports = createForensicPorts(DEFAULT_LIMITS);
after(() => ports.close());

async function check(name: string, deliveredAt?: string): Promise<PhotoReport> {
  const bytes = readFileSync(fixturePath('synthetic', name));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return checkPhoto({ file: name, bytes, sha256 }, ports, deliveredAt ? { deliveredAt: new Date(deliveredAt) } : {});
}

const codes = (r: PhotoReport) => r.findings.map((f) => f.code).sort();

const CASES: { file: string; verdict: Verdict; has: string[]; deliveredAt?: string }[] = [
  { file: 'aigc-label1-xmp.jpg', verdict: 'forged', has: ['provenance.aigc_label'] },
  { file: 'aigc-label2-xmp.jpg', verdict: 'suspicious', has: ['provenance.aigc_label'] },
  { file: 'aigc-label3-xmp.jpg', verdict: 'suspicious', has: ['provenance.aigc_label'] },
  { file: 'aigc-nonconforming-label.jpg', verdict: 'forged', has: ['provenance.aigc_label'] },
  { file: 'aigc-element-form.jpg', verdict: 'forged', has: ['provenance.aigc_label'] },
  { file: 'aigc-text-chunk.png', verdict: 'forged', has: ['provenance.aigc_label'] },
  { file: 'aigc-xmp-and-chunk.png', verdict: 'forged', has: ['provenance.aigc_label'] },
  { file: 'aigc-usercomment.jpg', verdict: 'forged', has: ['provenance.aigc_label'] },
  { file: 'iptc-trained-algorithmic.jpg', verdict: 'forged', has: ['provenance.iptc_ai_source'] },
  { file: 'iptc-composite-trained.jpg', verdict: 'forged', has: ['provenance.iptc_ai_source'] },
  { file: 'iptc-digital-capture.jpg', verdict: 'clean', has: [] },
  { file: 'software-photoshop.jpg', verdict: 'clean', has: ['metadata.editing_software'] },
  { file: 'creator-tool-meitu.jpg', verdict: 'clean', has: ['metadata.editing_software'] },
  { file: 'creator-tool-xingtu.jpg', verdict: 'clean', has: ['metadata.editing_software'] },
  { file: 'history-software-agent.jpg', verdict: 'clean', has: ['metadata.editing_software'] },
  { file: 'msg-resized-1280-q75.jpg', verdict: 'clean', has: [] },
  { file: 'msg-wechat-1080-q80.jpg', verdict: 'clean', has: [] },
  { file: 'msg-reencoded-q60.jpg', verdict: 'clean', has: [] },
  { file: 'msg-converted.png', verdict: 'clean', has: [] },
  { file: 'msg-converted.webp', verdict: 'clean', has: [] },
  { file: 'msg-16x9-1280x720.webp', verdict: 'clean', has: [] },
  // Captured 2025-03-14T01:26:53Z.
  {
    file: 'capture-time-offset.jpg',
    verdict: 'suspicious',
    has: ['metadata.captured_before_delivery'],
    deliveredAt: '2025-03-15T12:00:00+08:00',
  },
  { file: 'capture-time-offset.jpg', verdict: 'clean', has: [], deliveredAt: '2025-03-13T12:00:00+08:00' },
  {
    file: 'capture-time-gps.jpg',
    verdict: 'suspicious',
    has: ['metadata.captured_before_delivery'],
    deliveredAt: '2025-03-15T12:00:00+08:00',
  },
  {
    file: 'capture-time-local.jpg',
    verdict: 'suspicious',
    has: ['metadata.captured_before_delivery'],
    deliveredAt: '2025-03-15T12:00:00+08:00',
  },
  {
    file: 'msg-wechat-1080-q80.jpg',
    verdict: 'clean',
    has: ['metadata.capture_time_unknown'],
    deliveredAt: '2025-03-15T12:00:00+08:00',
  },
];

describe('synthetic variants through checkPhoto', () => {
  for (const c of CASES) {
    it(`${c.file}${c.deliveredAt ? ` delivered ${c.deliveredAt}` : ''} → ${c.verdict} with ${c.has.join(', ') || 'no finding'}`, async () => {
      const report = await check(c.file, c.deliveredAt);
      assert.equal(report.verdict, c.verdict, JSON.stringify(report.findings.map((f) => [f.code, f.score])));
      assert.deepEqual(codes(report), [...c.has].sort());
    });
  }

  it('states which clock it trusted', async () => {
    const when = '2025-03-15T12:00:00+08:00';
    const gps = (await check('capture-time-gps.jpg', when)).findings[0]!;
    const local = (await check('capture-time-local.jpg', when)).findings[0]!;
    assert.match(gps.detail.en, /GPS time/);
    assert.match(local.detail.en, /\+08:00 \(China Standard Time\) is assumed/);
    assert.match(local.detail.zh, /未记录时区/);
    assert.ok(local.score < gps.score);
  });

  it('keeps the raw label and its compliance note', async () => {
    const report = await check('aigc-nonconforming-label.jpg');
    const finding = report.findings[0]!;
    assert.match(finding.detail.en, /non-conforming/);
    assert.equal((finding.facts as { label?: string }).label, 'AIGC');
  });
});
