import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import {
  DEFAULT_LEGAL_THRESHOLDS,
  evaluateLegalThresholds,
  validateLegalThresholds,
  type LegalThresholdSettings,
} from './legal-thresholds.js';

describe('evaluateLegalThresholds', () => {
  const cases: [number, string | null][] = [
    [0, null],
    [1, 'administrative'],
    [299_999, 'administrative'], // ¥2,999.99
    [300_000, 'criminal_large'], // ¥3,000
    [2_999_999, 'criminal_large'],
    [3_000_000, 'criminal_huge'],
    [49_999_999, 'criminal_huge'],
    [50_000_000, 'criminal_especially_huge'],
  ];
  for (const [fen, code] of cases)
    it(`${fen} fen → ${code ?? 'no flag'}`, () => {
      const flags = evaluateLegalThresholds(fen, DEFAULT_LEGAL_THRESHOLDS);
      assert.deepEqual(
        flags.map((f) => f.code),
        code ? [code] : [],
      );
    });

  it('cites its rules and sources in both languages and never calls anyone a criminal', () => {
    for (const fen of [1, 300_000, 3_000_000, 50_000_000]) {
      const [flag] = evaluateLegalThresholds(fen, DEFAULT_LEGAL_THRESHOLDS);
      assert.ok(flag);
      assert.match(flag.text.en, /may (reach|fall under)/);
      assert.match(flag.text.en, /Consult counsel/);
      assert.match(flag.text.zh, /可能/);
      assert.match(flag.text.zh, /请咨询律师/);
      assert.doesNotMatch(flag.text.en, /is a criminal|is guilty|committed/i);
      assert.ok(flag.rules.length > 0);
      for (const rule of flag.rules) {
        assert.ok(rule.text.zh && rule.text.en && rule.source.zh && rule.source.en);
      }
    }
    const [criminal] = evaluateLegalThresholds(300_000, DEFAULT_LEGAL_THRESHOLDS);
    assert.ok(criminal?.rules.some((r) => r.source.zh.includes('第二百六十六条')));
    assert.ok(criminal?.rules.some((r) => r.source.zh.includes('法释〔2011〕7号')));
    assert.match(criminal?.text.en ?? '', /¥3,000\.00/);
    const [admin] = evaluateLegalThresholds(299_999, DEFAULT_LEGAL_THRESHOLDS);
    assert.ok(admin?.rules.some((r) => r.source.zh.includes('治安管理处罚法')));
    assert.match(admin?.text.en ?? '', /¥2,999\.99/);
  });

  it('follows a workspace threshold set lower (a province or a test)', () => {
    const low: LegalThresholdSettings = { ...DEFAULT_LEGAL_THRESHOLDS, criminalMinFen: 10_000 };
    assert.equal(evaluateLegalThresholds(9_999, low)[0]?.code, 'administrative');
    assert.equal(evaluateLegalThresholds(10_000, low)[0]?.code, 'criminal_large');
    assert.equal(evaluateLegalThresholds(10_000, low)[0]?.thresholdFen, 10_000);
  });
});

describe('validateLegalThresholds', () => {
  it('accepts the defaults', () =>
    assert.deepEqual(validateLegalThresholds(DEFAULT_LEGAL_THRESHOLDS), DEFAULT_LEGAL_THRESHOLDS));
  const bad: [string, Partial<LegalThresholdSettings>][] = [
    ['administrativeMinFen', { administrativeMinFen: 0 }],
    ['administrativeMinFen', { administrativeMinFen: 1.5 }],
    ['criminalMinFen', { criminalMinFen: 1 }],
    ['largeMinFen', { largeMinFen: 300_000 }],
    ['hugeMinFen', { hugeMinFen: Number.MAX_SAFE_INTEGER + 2 }],
    ['criminalMinFen', { criminalMinFen: Number.NaN }],
  ];
  for (const [field, over] of bad)
    it(`refuses ${JSON.stringify(over)} naming ${field}`, () =>
      assert.throws(
        () => validateLegalThresholds({ ...DEFAULT_LEGAL_THRESHOLDS, ...over }),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.details?.['field'] === field,
      ));
});
