/**
 * Rules of the C2PA signal, table-driven over manifest summaries shaped like the reader's. The same rules run on
 * real files through the real c2pa-wasm reader in apps/server (c2pa-signal.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { C2paAction, C2paIngredient, C2paStatus, C2paSummary } from '../ports.js';
import { assessC2pa, c2paSignal } from './c2pa.js';
import type { SignalContext } from './signal.js';

const DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

function store(options: {
  actions?: C2paAction[];
  ingredients?: C2paIngredient[];
  types?: string[];
  labels?: string[];
  state?: C2paSummary['validationState'];
  failures?: C2paStatus[];
}): C2paSummary {
  const actions = options.actions ?? [];
  return {
    manifestCount: 1,
    activeManifest: {
      label: 'urn:uuid:test',
      claimGenerator: 'Example_Generator/1.0',
      signer: { issuer: 'Example Inc.', commonName: 'example-signer' },
      signedAt: '2025-01-02T03:04:05+00:00',
      actions,
      ingredients: options.ingredients ?? [],
      digitalSourceTypes: options.types ?? actions.flatMap((a) => a.digitalSourceType ?? []),
      assertionLabels: options.labels ?? ['c2pa.actions.v2'],
    },
    validationState: options.state ?? 'valid',
    failures: options.failures ?? [],
    informational: [{ code: 'signingCredential.untrusted' }],
  };
}

const codes = (summary: C2paSummary) => assessC2pa(summary).findings.map((f) => f.code);

void describe('assessC2pa: which finding', () => {
  const table: [string, C2paSummary, string[]][] = [
    [
      'created with trainedAlgorithmicMedia',
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}trainedAlgorithmicMedia` }] }),
      ['provenance.c2pa.ai_generated'],
    ],
    [
      'created with algorithmicMedia',
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}algorithmicMedia` }] }),
      ['provenance.c2pa.ai_generated'],
    ],
    [
      'AI content placed into a photo (Generative Fill)',
      store({
        actions: [
          { action: 'c2pa.opened' },
          { action: 'c2pa.placed', softwareAgent: 'Adobe Firefly', digitalSourceType: `${DST}trainedAlgorithmicMedia` },
        ],
      }),
      ['provenance.c2pa.ai_edited'],
    ],
    [
      'compositeSynthetic',
      store({ actions: [{ action: 'c2pa.edited', digitalSourceType: `${DST}compositeSynthetic` }] }),
      ['provenance.c2pa.ai_edited'],
    ],
    [
      'a source type declared outside the actions',
      store({ types: [`${DST}trainedAlgorithmicMedia`] }),
      ['provenance.c2pa.ai_generated'],
    ],
    [
      "Adobe's generative-AI assertion on a created image",
      store({ actions: [{ action: 'c2pa.created' }], labels: ['c2pa.actions.v2', 'com.adobe.generative-ai'] }),
      ['provenance.c2pa.ai_generated'],
    ],
    [
      'derived from an AI-generated parent',
      store({
        ingredients: [
          { title: 'image.webp', relationship: 'parentOf', digitalSourceTypes: [`${DST}trainedAlgorithmicMedia`] },
        ],
      }),
      ['provenance.c2pa.ai_generated'],
    ],
    [
      'an AI-generated component composited in',
      store({
        actions: [{ action: 'c2pa.opened' }],
        ingredients: [
          { title: 'sky.png', relationship: 'componentOf', digitalSourceTypes: [`${DST}trainedAlgorithmicMedia`] },
        ],
      }),
      ['provenance.c2pa.ai_edited'],
    ],
    [
      'an AI image used only as input (inputTo) is not an AI declaration about this image',
      store({
        actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}digitalCapture` }],
        ingredients: [
          { title: 'ref.png', relationship: 'inputTo', digitalSourceTypes: [`${DST}trainedAlgorithmicMedia`] },
        ],
      }),
      ['provenance.c2pa.capture'],
    ],
    [
      'a valid camera capture',
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}digitalCapture` }] }),
      ['provenance.c2pa.capture'],
    ],
    [
      'a trusted computational capture',
      store({
        actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}computationalCapture` }],
        state: 'trusted',
      }),
      ['provenance.c2pa.capture'],
    ],
    [
      'a capture claim that fails validation is not a positive signal',
      store({
        actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}digitalCapture` }],
        state: 'invalid',
        failures: [{ code: 'assertion.dataHash.mismatch' }],
      }),
      ['provenance.c2pa.invalid', 'provenance.c2pa.manifest'],
    ],
    [
      'a capture claim that could not be verified is not a positive signal',
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}digitalCapture` }], state: 'well_formed' }),
      ['provenance.c2pa.manifest'],
    ],
    [
      'a capture with AI placed into it is AI-edited, not a capture',
      store({
        actions: [
          { action: 'c2pa.created', digitalSourceType: `${DST}digitalCapture` },
          { action: 'c2pa.edited', digitalSourceType: `${DST}compositeWithTrainedAlgorithmicMedia` },
        ],
      }),
      ['provenance.c2pa.ai_edited'],
    ],
    [
      'a screen capture is summarised (the screenshot signal judges screenshots)',
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}screenCapture` }] }),
      ['provenance.c2pa.manifest'],
    ],
    [
      'ordinary edits without source types',
      store({ actions: [{ action: 'c2pa.opened' }, { action: 'c2pa.color_adjustments' }] }),
      ['provenance.c2pa.manifest'],
    ],
    [
      'AI generation stays decisive when the manifest fails validation',
      store({
        actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}trainedAlgorithmicMedia` }],
        state: 'invalid',
        failures: [{ code: 'signingCredential.expired' }],
      }),
      ['provenance.c2pa.ai_generated', 'provenance.c2pa.invalid'],
    ],
  ];
  for (const [name, summary, expected] of table) {
    void it(name, () => assert.deepEqual(codes(summary), expected));
  }
});

void describe('assessC2pa: scores and words', () => {
  void it('AI findings are high and score 1; capture and manifest score 0', () => {
    const [generated] = assessC2pa(
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}trainedAlgorithmicMedia` }] }),
    ).findings;
    assert.equal(generated?.severity, 'high');
    assert.equal(generated?.score, 1);
    const [capture] = assessC2pa(
      store({ actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}digitalCapture` }] }),
    ).findings;
    assert.equal(capture?.severity, 'info');
    assert.equal(capture?.score, 0);
  });

  void it('names generator, signer, time and actions in both languages', () => {
    const [finding] = assessC2pa(
      store({
        actions: [
          { action: 'c2pa.created', softwareAgent: 'Dream 3', digitalSourceType: `${DST}trainedAlgorithmicMedia` },
        ],
      }),
    ).findings;
    for (const fact of [
      'Example_Generator/1.0',
      'Example Inc.',
      '2025-01-02T03:04:05+00:00',
      'c2pa.created',
      'Dream 3',
    ]) {
      assert.ok(finding?.detail.en.includes(fact), `en: ${fact}`);
      assert.ok(finding?.detail.zh.includes(fact), `zh: ${fact}`);
    }
    assert.match(finding!.detail.zh, /生成式 AI/);
  });

  void it('merges repeated AI actions into one counted line', () => {
    const placed: C2paAction = { action: 'c2pa.placed', digitalSourceType: `${DST}trainedAlgorithmicMedia` };
    const [finding] = assessC2pa(store({ actions: [placed, placed, placed] })).findings;
    assert.match(finding!.detail.en, /\(3 times\)/);
    assert.match(finding!.detail.zh, /3 次/);
  });

  const invalid = (failures: string[]) =>
    assessC2pa(store({ state: 'invalid', failures: failures.map((code) => ({ code })) })).findings[0]!;

  void it('a hash mismatch says the content changed after signing and weighs fully', () => {
    const finding = invalid(['assertion.dataHash.mismatch']);
    assert.equal(finding.code, 'provenance.c2pa.invalid');
    assert.equal(finding.severity, 'warn');
    assert.equal(finding.score, 0.5);
    assert.match(finding.title.en, /content changed after signing/);
    assert.match(finding.detail.zh, /签名后图片内容被改动/);
    assert.equal(invalid(['assertion.bmffHash.mismatch']).score, 0.5);
  });

  void it('an altered manifest weighs fully but does not claim the pixels changed', () => {
    const finding = invalid(['assertion.hashedURI.mismatch']);
    assert.equal(finding.score, 0.5);
    assert.doesNotMatch(finding.title.en, /content changed/);
    assert.match(finding.detail.en, /credential's own data changed after signing/);
  });

  void it('a certificate problem alone weighs little; an unreadable manifest in between', () => {
    assert.equal(invalid(['signingCredential.expired']).score, 0.2);
    assert.equal(invalid(['signingCredential.invalid']).score, 0.2);
    assert.equal(invalid(['signingCredential.revoked']).score, 0.5);
    const unreadable = assessC2pa({
      manifestCount: 0,
      validationState: 'invalid',
      failures: [{ code: 'manifest.unreadable', explanation: 'C2pa(JumbfParseError(UnexpectedEof))' }],
      informational: [],
    }).findings;
    assert.deepEqual(
      unreadable.map((f) => [f.code, f.score]),
      [['provenance.c2pa.invalid', 0.3]],
    );
    assert.match(unreadable[0]!.detail.en, /JumbfParseError/);
  });

  void it('a remote manifest that was not fetched is summarised with its address', () => {
    const [finding] = assessC2pa({
      manifestCount: 0,
      validationState: 'well_formed',
      failures: [],
      informational: [{ code: 'manifest.remote', url: 'https://example.com/m.c2pa' }],
    }).findings;
    assert.equal(finding?.code, 'provenance.c2pa.manifest');
    assert.match(finding.detail.en, /https:\/\/example\.com\/m\.c2pa/);
  });

  void it('returns the summary as facts, and nothing without a manifest', async () => {
    const summary = store({ actions: [{ action: 'c2pa.opened' }] });
    assert.deepEqual(assessC2pa(summary).facts, { c2pa: summary });
    // The signal reads only ctx.c2pa.
    assert.deepEqual(await c2paSignal.run({} as SignalContext), { findings: [] });
  });
});
