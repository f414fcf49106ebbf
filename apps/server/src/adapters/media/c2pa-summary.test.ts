import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../../testing/paths.js';
import { summariseManifestStore } from './c2pa-summary.js';

const expectedStore = (name: string): unknown =>
  JSON.parse(readFileSync(fixturePath('c2pa', 'expected', `${name}.manifest_store.json`), 'utf8'));

void describe('summariseManifestStore on c2patool 2022 output (flat validation_status only)', () => {
  void it('reads a store without any validation report as well_formed, never valid', () => {
    const summary = summariseManifestStore(expectedStore('adobe-20220124-CA'));
    assert.equal(summary.validationState, 'well_formed');
    assert.equal(summary.activeManifest?.claimGenerator, 'make_test_images/0.16.1 c2pa-rs/0.16.1');
    assert.deepEqual(
      summary.activeManifest?.actions.map((a) => a.action),
      ['c2pa.opened', 'c2pa.color_adjustments'],
    );
  });

  void it('treats the codes of the flat list as failures', () => {
    const summary = summariseManifestStore(expectedStore('adobe-20220124-E-dat-CA'));
    assert.equal(summary.validationState, 'invalid');
    assert.deepEqual(
      summary.failures.map((f) => f.code),
      ['assertion.dataHash.mismatch'],
    );
    assert.match(summary.failures[0]?.explanation ?? '', /Hashes do not match/);
  });
});

void describe('summariseManifestStore on edge cases of the JSON', () => {
  const store = (active: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    active_manifest: 'urn:a',
    manifests: { 'urn:a': active },
    validation_state: 'Valid',
    ...extra,
  });

  void it('takes the generator from claim_generator_info (v2 claims) and agents by index', () => {
    const summary = summariseManifestStore(
      store({
        claim_generator_info: [{ name: 'Pixel Camera', version: '9.2' }],
        assertions: [
          {
            label: 'c2pa.actions.v2',
            data: {
              softwareAgents: [{ name: 'Gemini', version: '2' }],
              actions: [
                { action: 'c2pa.created', digitalSourceType: ' http://cv.iptc.org/newscodes/digitalsourcetype/x ' },
                { action: 'c2pa.edited', softwareAgentIndex: 0, parameters: { description: 'Magic Editor' } },
                { action: 42 },
              ],
            },
          },
        ],
      }),
    );
    const active = summary.activeManifest!;
    assert.equal(active.claimGenerator, 'Pixel Camera 9.2');
    assert.deepEqual(active.actions, [
      { action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/x' },
      { action: 'c2pa.edited', softwareAgent: 'Gemini 2', description: 'Magic Editor' },
    ]);
    assert.deepEqual(active.digitalSourceTypes, ['http://cv.iptc.org/newscodes/digitalsourcetype/x']);
  });

  void it('follows parentOf lineage for ingredient source types and survives a cycle', () => {
    const ai = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
    const summary = summariseManifestStore({
      active_manifest: 'urn:a',
      manifests: {
        'urn:a': { ingredients: [{ title: 'edit.jpg', relationship: 'parentOf', active_manifest: 'urn:b' }] },
        'urn:b': {
          assertions: [{ label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.opened' }] } }],
          ingredients: [{ relationship: 'parentOf', active_manifest: 'urn:c' }],
        },
        'urn:c': {
          assertions: [
            { label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.created', digitalSourceType: ai }] } },
          ],
          ingredients: [{ relationship: 'parentOf', active_manifest: 'urn:b' }],
        },
      },
      validation_state: 'Valid',
    });
    assert.equal(summary.manifestCount, 3);
    assert.deepEqual(summary.activeManifest?.ingredients, [
      { title: 'edit.jpg', relationship: 'parentOf', digitalSourceTypes: [ai] },
    ]);
  });

  void it('lets an unverifiable identity not invalidate a verified claim', () => {
    const summary = summariseManifestStore(
      store(
        {},
        {
          validation_state: 'Invalid',
          validation_results: {
            activeManifest: {
              success: [{ code: 'claimSignature.validated' }],
              failure: [{ code: 'signingCredential.untrusted' }, { code: 'cawg.ica.did_unavailable' }],
            },
          },
        },
      ),
    );
    assert.equal(summary.validationState, 'valid');
    assert.deepEqual(summary.failures, []);
    assert.deepEqual(
      summary.informational.map((s) => s.code),
      ['signingCredential.untrusted', 'cawg.ica.did_unavailable'],
    );
  });

  void it('never throws on hostile shapes', () => {
    for (const junk of [null, 7, 'x', [], { manifests: [] }, { active_manifest: 'urn:a', manifests: { 'urn:a': 5 } }]) {
      const summary = summariseManifestStore(junk);
      assert.equal(summary.activeManifest, undefined);
      assert.equal(summary.validationState, 'well_formed');
    }
  });
});
