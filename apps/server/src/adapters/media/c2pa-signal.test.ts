/**
 * The C2PA signal on real files, end to end through the real reader: c2pa-rs validates, the signal judges.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import {
  SIGNALS,
  combineFindings,
  hasC2paMarker,
  sniffFormat,
  type Finding,
  type SignalContext,
} from '@proofdesk/forensics';
import { fixturePath } from '../../testing/paths.js';
import { C2paWasmReader } from './c2pa-wasm.c2pa-reader.js';

const reader = new C2paWasmReader();
after(() => reader.close());
/** Found by name in the registered signals, so these tests also fail when it is not registered. */
const c2paSignal = SIGNALS.find((s) => s.name === 'c2pa-provenance');

/** Reads a fixture the way `checkPhoto` does (marker first, MIME type from the sniffed format) and runs the signal. */
async function findingsOf(name: string): Promise<{ findings: readonly Finding[]; facts: unknown }> {
  const bytes = new Uint8Array(readFileSync(fixturePath('c2pa', name)));
  const sniffed = sniffFormat(bytes);
  assert.equal(sniffed.kind, 'image');
  if (sniffed.kind !== 'image') throw new Error('unreachable');
  const c2pa = hasC2paMarker(bytes) ? await reader.read(bytes, sniffed.mimeType) : undefined;
  // The signal reads only `ctx.c2pa`; the rest of the context belongs to other signals.
  assert.ok(c2paSignal, 'the c2pa signal is registered in SIGNALS');
  const result = await c2paSignal.run({ c2pa } as SignalContext);
  return { findings: result.findings, facts: result.facts };
}

const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

void describe('c2pa signal on real AI outputs', () => {
  const cases = [
    { file: 'adobe-firefly-1.jpg', code: 'provenance.c2pa.ai_generated', names: ['Adobe_Firefly', 'Adobe Inc.'] },
    {
      file: 'dall-e-cloud-surfing-puppy.webp',
      code: 'provenance.c2pa.ai_generated',
      names: ['ChatGPT', 'OpenAI', '2024-03-08T20:22:53+00:00'],
    },
    {
      file: 'amazon-titan-g1.png',
      code: 'provenance.c2pa.ai_generated',
      names: ['Titan Image Generator G1', 'trainedAlgorithmicMedia', 'Amazon Web Services'],
    },
    {
      file: 'ocsp.jpg',
      code: 'provenance.c2pa.ai_edited',
      names: ['Adobe_Photoshop', 'compositeWithTrainedAlgorithmicMedia', 'Adobe Firefly'],
    },
    {
      file: 'photoshop-gen-fill.jpg',
      code: 'provenance.c2pa.ai_edited',
      names: ['c2pa.placed', 'Adobe Firefly', 'trainedAlgorithmicMedia'],
    },
    { file: 'composite-dst.jpg', code: 'provenance.c2pa.ai_edited', names: ['compositeWithTrainedAlgorithmicMedia'] },
  ] as const;
  for (const c of cases) {
    void it(`${c.file} → ${c.code}, decisive`, async () => {
      const { findings } = await findingsOf(c.file);
      assert.deepEqual(codes(findings), [c.code]);
      const [finding] = findings;
      assert.equal(finding?.severity, 'high');
      assert.equal(finding?.score, 1);
      for (const name of c.names) {
        assert.ok(finding?.detail.en.includes(name), `en detail names ${name}: ${finding?.detail.en}`);
        assert.ok(finding?.detail.zh.includes(name), `zh detail names ${name}: ${finding?.detail.zh}`);
      }
      assert.equal(combineFindings(findings).verdict, 'forged');
    });
  }
});

void describe('c2pa signal on captures and non-AI manifests', () => {
  void it('a valid digitalCapture manifest is a positive capture finding that scores 0', async () => {
    const { findings } = await findingsOf('C_with_CAWG_data.jpg');
    assert.deepEqual(codes(findings), ['provenance.c2pa.capture']);
    assert.equal(findings[0]?.score, 0);
    assert.match(findings[0].detail.en, /digitalCapture/);
    assert.equal(combineFindings(findings).verdict, 'clean');
  });

  void it('the Nikon capture with an expired certificate is invalid (weakly) and summarised, never AI', async () => {
    const { findings } = await findingsOf('nikon-20221019-building.jpeg');
    assert.deepEqual(codes(findings), ['provenance.c2pa.invalid', 'provenance.c2pa.manifest']);
    assert.match(findings[0]!.detail.en, /signingCredential\.expired/);
    assert.match(findings[1]!.detail.en, /NIKON CORPORATION/);
    assert.equal(combineFindings(findings).verdict, 'clean', 'an expired camera certificate alone does not flag');
  });

  for (const file of ['adobe-20220124-CA.jpg', 'trustnxt-icon-signed-v2-bmff.heic']) {
    void it(`${file}: a valid non-AI manifest gives only the manifest summary`, async () => {
      const { findings } = await findingsOf(file);
      assert.deepEqual(codes(findings), ['provenance.c2pa.manifest']);
      assert.equal(combineFindings(findings).verdict, 'clean');
    });
  }

  void it('a camera JPEG without a manifest gives no C2PA finding and no facts', async () => {
    const { findings, facts } = await findingsOf('adobe-20220124-A.jpg');
    assert.deepEqual(findings, []);
    assert.equal(facts, undefined);
  });
});

void describe('c2pa signal on tampered manifests', () => {
  void it('E-dat-CA: names "content changed after signing" and makes the photo suspicious', async () => {
    const { findings } = await findingsOf('adobe-20220124-E-dat-CA.jpg');
    assert.deepEqual(codes(findings), ['provenance.c2pa.invalid', 'provenance.c2pa.manifest']);
    const [invalid] = findings;
    assert.match(invalid!.title.en, /content changed after signing/);
    assert.match(invalid!.detail.en, /assertion\.dataHash\.mismatch/);
    assert.match(invalid!.detail.zh, /签名后图片内容被改动/);
    assert.equal(invalid!.score, 0.5);
    assert.equal(combineFindings(findings).verdict, 'suspicious');
  });

  void it('E-sig-CA: a broken claim signature is invalid without claiming the pixels changed', async () => {
    const { findings } = await findingsOf('adobe-20220124-E-sig-CA.jpg');
    const [invalid] = findings;
    assert.equal(invalid?.code, 'provenance.c2pa.invalid');
    assert.match(invalid.detail.en, /claimSignature\.mismatch/);
    assert.doesNotMatch(invalid.title.en, /content changed/);
  });

  void it('keeps the whole summary as facts', async () => {
    const { facts } = await findingsOf('adobe-20220124-E-uri-CIE-sig-CA.jpg');
    const c2pa = (facts as { c2pa: { validationState: string; failures: { code: string }[] } }).c2pa;
    assert.equal(c2pa.validationState, 'invalid');
    assert.deepEqual(
      c2pa.failures.map((f) => f.code),
      ['assertion.hashedURI.mismatch'],
    );
  });
});
