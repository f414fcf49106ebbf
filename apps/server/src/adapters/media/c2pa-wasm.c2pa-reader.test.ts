import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import type { C2paSummary } from '@proofdesk/forensics';
import { fixturePath } from '../../testing/paths.js';
import { C2paWasmReader, normaliseTrustAnchors } from './c2pa-wasm.c2pa-reader.js';

const bytesOf = (name: string) => new Uint8Array(readFileSync(fixturePath('c2pa', name)));
const pemOf = (name: string) => readFileSync(fixturePath('c2pa', 'trust', name), 'utf8');

/** c2patool's output for a file (fixtures/c2pa/expected, copied from the C2PA public test files). */
interface ExpectedStore {
  active_manifest: string;
  manifests: Record<
    string,
    {
      claim_generator: string;
      title: string;
      format: string;
      signature_info: { issuer: string; time?: string };
      ingredients?: { title: string; format: string; relationship: string }[];
      assertions: { label: string; data: { actions?: { action: string }[] } }[];
    }
  >;
  validation_status?: { code: string }[];
}
const expectedOf = (name: string) =>
  JSON.parse(readFileSync(fixturePath('c2pa', 'expected', `${name}.manifest_store.json`), 'utf8')) as ExpectedStore;

/**
 * Codes c2patool (c2pa-rs 0.16, 2022) printed that today's c2pa-rs names or files differently: the spec renamed
 * `claim.missing` to `ingredient.manifest.missing`, and a time-stamp mismatch became informational (C2PA 2.x).
 */
const RENAMED: Record<string, string> = { 'claim.missing': 'ingredient.manifest.missing' };

async function readOk(reader: C2paWasmReader, name: string, mime = 'image/jpeg'): Promise<C2paSummary> {
  const summary = await reader.read(bytesOf(name), mime);
  assert.ok(summary, `${name} should carry a manifest`);
  return summary;
}

void describe('C2paWasmReader against c2patool output', () => {
  const reader = new C2paWasmReader();
  after(() => reader.close());

  void it('reads the active manifest of adobe-20220124-CA.jpg as c2patool does', async () => {
    const expected = expectedOf('adobe-20220124-CA');
    const manifest = expected.manifests[expected.active_manifest]!;
    const summary = await readOk(reader, 'adobe-20220124-CA.jpg');
    const active = summary.activeManifest!;
    assert.equal(summary.manifestCount, Object.keys(expected.manifests).length);
    assert.equal(active.label, expected.active_manifest);
    assert.equal(active.claimGenerator, manifest.claim_generator);
    assert.equal(active.title, manifest.title);
    assert.equal(active.format, manifest.format);
    assert.equal(active.signer?.issuer, manifest.signature_info.issuer);
    assert.equal(active.signedAt, manifest.signature_info.time);
    const expectedActions = manifest.assertions
      .filter((a) => a.label.startsWith('c2pa.actions'))
      .flatMap((a) => a.data.actions ?? [])
      .map((a) => a.action);
    assert.deepEqual(
      active.actions.map((a) => a.action),
      expectedActions,
    );
    assert.deepEqual(
      active.ingredients.map((i) => [i.title, i.format, i.relationship]),
      (manifest.ingredients ?? []).map((i) => [i.title, i.format, i.relationship]),
    );
    assert.ok(active.assertionLabels.includes('stds.schema-org.CreativeWork'));
  });

  void it('reports CA.jpg as valid, not trusted, with the untrusted signer as informational', async () => {
    const summary = await readOk(reader, 'adobe-20220124-CA.jpg');
    assert.equal(summary.validationState, 'valid');
    assert.deepEqual(summary.failures, []);
    assert.ok(summary.informational.some((s) => s.code === 'signingCredential.untrusted'));
  });

  for (const name of ['adobe-20220124-E-dat-CA', 'adobe-20220124-E-sig-CA', 'adobe-20220124-E-uri-CIE-sig-CA']) {
    void it(`finds the failure codes c2patool lists for ${name}`, async () => {
      const expected = expectedOf(name);
      const summary = await readOk(reader, `${name}.jpg`);
      assert.equal(summary.validationState, 'invalid');
      assert.equal(summary.activeManifest?.label, expected.active_manifest);
      const reported = new Set([...summary.failures, ...summary.informational].map((s) => s.code));
      const expectedCodes = (expected.validation_status ?? []).map((s) => RENAMED[s.code] ?? s.code);
      assert.ok(expectedCodes.length > 0);
      for (const code of expectedCodes)
        assert.ok(reported.has(code), `${name}: expected ${code} in ${[...reported].join(', ')}`);
      // Every code that made it invalid is one c2patool also named (no invented failures).
      for (const failure of summary.failures) assert.ok(expectedCodes.includes(failure.code), failure.code);
    });
  }

  void it('reads the Nikon Z 9 capture: signer and generator as c2patool, invalid for the expired certificate', async () => {
    const expected = expectedOf('nikon-20221019-building');
    const manifest = expected.manifests[expected.active_manifest]!;
    const summary = await readOk(reader, 'nikon-20221019-building.jpeg');
    assert.equal(summary.activeManifest?.label, expected.active_manifest);
    assert.equal(summary.activeManifest?.claimGenerator, manifest.claim_generator);
    assert.equal(summary.activeManifest?.signer?.issuer, manifest.signature_info.issuer);
    assert.equal(summary.activeManifest?.signedAt, undefined, 'the Nikon manifest has no time-stamp');
    assert.equal(summary.validationState, 'invalid');
    // c2pa-rs 0.16 also reported claimSignature.mismatch as a consequence of the expired certificate; today only
    // the expiry itself is reported.
    assert.deepEqual(
      summary.failures.map((f) => f.code),
      ['signingCredential.expired'],
    );
    assert.ok(expected.validation_status?.some((s) => s.code === 'signingCredential.expired'));
  });

  void it('returns undefined for a camera JPEG without a manifest', async () => {
    assert.equal(await reader.read(bytesOf('adobe-20220124-A.jpg'), 'image/jpeg'), undefined);
  });
});

void describe('C2paWasmReader formats', () => {
  const reader = new C2paWasmReader();
  after(() => reader.close());
  const cases = [
    { file: 'amazon-titan-g1.png', mime: 'image/png', generator: 'Amazon_Bedrock c2pa-rs/0.32.7', state: 'valid' },
    {
      file: 'dall-e-cloud-surfing-puppy.webp',
      mime: 'image/webp',
      generator: 'ChatGPT c2pa-rs/0.28.4',
      state: 'valid',
    },
    {
      file: 'trustnxt-icon-signed-v2-bmff.heic',
      mime: 'image/heif',
      generator: 'origo_Unauthenticated',
      state: 'valid',
    },
    {
      file: 'cards-trusted.avif',
      mime: 'image/avif',
      generator: 'Test Signer c2patool/0.7.0 c2pa-rs/0.28.4',
      state: 'invalid',
    },
  ] as const;
  for (const c of cases) {
    void it(`reads ${c.mime} (${c.file})`, async () => {
      const summary = await readOk(reader, c.file, c.mime);
      assert.equal(summary.activeManifest?.claimGenerator, c.generator);
      assert.equal(summary.validationState, c.state);
    });
  }

  void it('keeps the DALL-E ingredient manifest and its source type', async () => {
    const summary = await readOk(reader, 'dall-e-cloud-surfing-puppy.webp', 'image/webp');
    assert.equal(summary.manifestCount, 2);
    const [parent] = summary.activeManifest!.ingredients;
    assert.equal(parent?.relationship, 'parentOf');
    assert.deepEqual(parent?.digitalSourceTypes, [
      'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
    ]);
  });

  void it('maps actions: software agent, source type, time and description', async () => {
    const titan = await readOk(reader, 'amazon-titan-g1.png', 'image/png');
    assert.deepEqual(titan.activeManifest?.actions, [
      {
        action: 'c2pa.created',
        softwareAgent: 'Titan Image Generator G1',
        digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
        when: '2024-09-25T08:29:07.629074Z',
      },
    ]);
    const genFill = await readOk(reader, 'photoshop-gen-fill.jpg');
    const placed = genFill.activeManifest!.actions.filter((a) => a.softwareAgent === 'Adobe Firefly');
    assert.equal(placed.length, 3);
    assert.ok(
      placed.every((a) => a.action === 'c2pa.placed' && a.description === 'Added pre-existing content to this file'),
    );
  });
});

void describe('C2paWasmReader trust', () => {
  void it('is trusted when the signer chains to a configured anchor', async () => {
    const reader = new C2paWasmReader({ trustAnchorsPem: pemOf('c2pa-test-root-ca.pem') });
    try {
      const summary = await readOk(reader, 'adobe-20220124-CA.jpg');
      assert.equal(summary.validationState, 'trusted');
      assert.ok(!summary.informational.some((s) => s.code === 'signingCredential.untrusted'));
      // Trust never hides a real failure.
      assert.equal((await readOk(reader, 'adobe-20220124-E-dat-CA.jpg')).validationState, 'invalid');
    } finally {
      await reader.close();
    }
  });

  void it('stays valid when the anchors are unrelated to the signer', async () => {
    const reader = new C2paWasmReader({ trustAnchorsPem: pemOf('extension-validator-test-root-ca.pem') });
    try {
      const summary = await readOk(reader, 'adobe-20220124-CA.jpg');
      assert.equal(summary.validationState, 'valid');
      assert.ok(summary.informational.some((s) => s.code === 'signingCredential.untrusted'));
    } finally {
      await reader.close();
    }
  });

  void it('refuses a trust bundle that is not PEM certificates, and a bad timeout', () => {
    assert.throws(() => new C2paWasmReader({ trustAnchorsPem: 'not a certificate' }), TypeError);
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    assert.throws(() => normaliseTrustAnchors(broken), /certificate #1/);
    assert.throws(() => new C2paWasmReader({ timeoutMs: 0 }), TypeError);
  });
});

void describe('C2paWasmReader on broken and hostile input', () => {
  const reader = new C2paWasmReader();
  after(() => reader.close());
  const ca = bytesOf('adobe-20220124-CA.jpg');

  void it('reports a truncated file as invalid with the reason, without throwing', async () => {
    const summary = await reader.read(ca.slice(0, 5000), 'image/jpeg');
    assert.equal(summary?.validationState, 'invalid');
    assert.equal(summary?.failures[0]?.code, 'manifest.unreadable');
    assert.match(summary?.failures[0]?.explanation ?? '', /JPEG/);
  });

  void it('reports a zeroed manifest box as unreadable', async () => {
    const bytes = ca.slice();
    bytes.fill(0, 240, 20_000);
    const summary = await reader.read(bytes, 'image/jpeg');
    assert.equal(summary?.validationState, 'invalid');
    assert.equal(summary?.failures[0]?.code, 'manifest.unreadable');
  });

  void it('names the assertion whose bytes changed after signing', async () => {
    const bytes = ca.slice();
    bytes[3036] = bytes[3036]! ^ 0xff; // inside the claim thumbnail assertion
    const summary = await reader.read(bytes, 'image/jpeg');
    assert.equal(summary?.validationState, 'invalid');
    assert.deepEqual(
      summary?.failures.map((f) => f.code),
      ['assertion.hashedURI.mismatch'],
    );
  });

  void it('stops a read that exceeds the timeout and recovers with a fresh worker', async () => {
    const slow = new C2paWasmReader({ timeoutMs: 1 });
    try {
      const summary = await slow.read(bytesOf('amazon-titan-g1.png'), 'image/png');
      assert.equal(summary?.validationState, 'invalid');
      assert.equal(summary?.failures[0]?.code, 'manifest.timeout');
    } finally {
      await slow.close();
    }
    assert.equal((await readOk(reader, 'amazon-titan-g1.png', 'image/png')).validationState, 'valid');
  });

  void it('answers concurrent reads each with its own file', async () => {
    const names = ['adobe-20220124-CA.jpg', 'photoshop-gen-fill.jpg', 'adobe-20220124-A.jpg', 'composite-dst.jpg'];
    const results = await Promise.all(names.map((n) => reader.read(bytesOf(n), 'image/jpeg')));
    assert.equal(results[0]?.activeManifest?.title, 'CA.jpg');
    assert.equal(results[1]?.activeManifest?.title, 'gen fill.jpg');
    assert.equal(results[2], undefined);
    assert.equal(results[3]?.activeManifest?.title, 'Generated Image');
  });
});
