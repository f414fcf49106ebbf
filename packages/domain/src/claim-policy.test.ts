import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decideAutoApproval,
  isFlagged,
  merchantDeadline,
  onWindowExpired,
  type AutoApprovalInput,
  type EvidenceOutcome,
} from './claim-policy.js';
import { DEFAULT_WORKSPACE_POLICY, resolvePolicy, type WorkspacePolicy } from './workspace-policy.js';

const clean: EvidenceOutcome = { verdict: 'clean', findingSeverities: [] };
const cleanWithInfo: EvidenceOutcome = { verdict: 'clean', findingSeverities: ['info', 'warn'] };
const cleanButHigh: EvidenceOutcome = { verdict: 'clean', findingSeverities: ['info', 'high'] };
const suspicious: EvidenceOutcome = { verdict: 'suspicious', findingSeverities: ['warn'] };
const forged: EvidenceOutcome = { verdict: 'forged', findingSeverities: ['high', 'warn'] };
const unreadable: EvidenceOutcome = { verdict: 'error', findingSeverities: [] };

/** A claim the default policy approves: ¥30, a new buyer, one clean photo. */
const base: AutoApprovalInput = {
  policy: DEFAULT_WORKSPACE_POLICY,
  amountFen: 3_000,
  buyer: { priorClaims: 0, priorRejected: 0 },
  evidence: [clean],
};
const withPolicy = (policy: Partial<WorkspacePolicy>): WorkspacePolicy => ({ ...DEFAULT_WORKSPACE_POLICY, ...policy });

describe('decideAutoApproval', () => {
  const cases: [string, Partial<AutoApprovalInput>, string[], boolean][] = [
    // label, change from base, blocking reason codes (in order), flagged
    ['a clean claim within every limit', {}, [], false],
    ['clean photos with info and warn findings', { evidence: [clean, cleanWithInfo] }, [], false],
    ['the amount exactly at the ceiling', { amountFen: 5_000 }, [], false],
    ['exactly the allowed number of prior claims', { buyer: { priorClaims: 2, priorRejected: 0 } }, [], false],
    ['auto-approval switched off', { policy: withPolicy({ autoApproveEnabled: false }) }, ['policy_disabled'], false],
    ['one fen over the ceiling', { amountFen: 5_001 }, ['amount_over_ceiling'], false],
    ['no evidence', { evidence: [] }, ['no_evidence'], false],
    ['a high finding on a photo whose verdict is clean', { evidence: [clean, cleanButHigh] }, ['high_finding'], true],
    ['a suspicious photo', { evidence: [suspicious] }, ['evidence_not_clean'], true],
    ['an unreadable photo', { evidence: [clean, unreadable] }, ['evidence_not_clean'], true],
    ['a forged photo with a high finding', { evidence: [forged] }, ['high_finding', 'evidence_not_clean'], true],
    ['a buyer with many claims', { buyer: { priorClaims: 3, priorRejected: 0 } }, ['buyer_many_claims'], false],
    ['a buyer rejected before', { buyer: { priorClaims: 1, priorRejected: 1 } }, ['buyer_prior_rejection'], false],
    [
      'a buyer rejected before, in a workspace that does not mind',
      { buyer: { priorClaims: 1, priorRejected: 1 }, policy: withPolicy({ autoApproveBlockIfPriorRejection: false }) },
      [],
      false,
    ],
    [
      'everything wrong at once',
      {
        policy: withPolicy({ autoApproveEnabled: false }),
        amountFen: 99_900,
        buyer: { priorClaims: 5, priorRejected: 2 },
        evidence: [forged, suspicious],
      },
      [
        'policy_disabled',
        'amount_over_ceiling',
        'high_finding',
        'evidence_not_clean',
        'buyer_many_claims',
        'buyer_prior_rejection',
      ],
      true,
    ],
    [
      'a high finding even with auto-approval generous in every other way',
      {
        policy: withPolicy({ autoApproveMaxAmountFen: 1_000_000, autoApproveMaxPriorClaims: 100 }),
        evidence: [cleanButHigh],
      },
      ['high_finding'],
      true,
    ],
  ];
  for (const [label, change, codes, flagged] of cases)
    it(`${codes.length === 0 ? 'approves' : `blocks (${codes.join(', ')})`}: ${label}`, () => {
      const decision = decideAutoApproval({ ...base, ...change });
      assert.deepEqual(
        decision.reasons.map((r) => r.code),
        codes,
      );
      assert.equal(decision.autoApprove, codes.length === 0);
      assert.equal(decision.flagged, flagged);
      for (const reason of decision.reasons) {
        assert.match(reason.text.zh, /\p{Script=Han}/u, reason.code);
        assert.ok(reason.text.en.length > 0, reason.code);
      }
    });

  it('states amounts in yuan and counts the photos in its reasons', () => {
    const decision = decideAutoApproval({ ...base, amountFen: 12_345, evidence: [forged, cleanButHigh, clean] });
    const byCode = new Map(decision.reasons.map((r) => [r.code, r.text]));
    assert.equal(byCode.get('amount_over_ceiling')?.zh, '金额 ¥123.45 超过自动同意上限 ¥50.00');
    assert.match(byCode.get('high_finding')?.en ?? '', /^2 evidence photo/);
    assert.match(byCode.get('evidence_not_clean')?.zh ?? '', /^1 张/);
  });

  it('flags a photo when its verdict is not clean or it has a high finding', () => {
    assert.deepEqual([clean, cleanWithInfo, cleanButHigh, suspicious, forged, unreadable].map(isFlagged), [
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('onWindowExpired', () => {
  const approving = withPolicy({ onMerchantTimeout: 'approve_if_clean' });
  const cases: [string, WorkspacePolicy, number, boolean, string][] = [
    ['a flagged claim under a review policy', DEFAULT_WORKSPACE_POLICY, 100, true, 'window_expired_to_review'],
    ['a flagged claim even where clean ones are approved', approving, 100, true, 'window_expired_to_review'],
    ['a flagged claim of one fen', approving, 1, true, 'window_expired_to_review'],
    ['a clean claim under a review policy', DEFAULT_WORKSPACE_POLICY, 100, false, 'window_expired_to_review'],
    [
      'a clean claim within the ceiling where clean ones are approved',
      approving,
      5_000,
      false,
      'window_expired_approved',
    ],
    ['a clean claim over the ceiling', approving, 5_001, false, 'window_expired_to_review'],
  ];
  for (const [label, policy, amountFen, flagged, expected] of cases)
    it(`${expected}: ${label}`, () => assert.equal(onWindowExpired(policy, amountFen, flagged), expected));
});

describe('workspace policy', () => {
  it('closes the merchant window after the policy hours', () => {
    const opened = Date.parse('2026-11-01T08:00:00.000Z');
    assert.equal(
      new Date(merchantDeadline(opened, DEFAULT_WORKSPACE_POLICY)).toISOString(),
      '2026-11-03T08:00:00.000Z',
    );
    assert.equal(merchantDeadline(opened, withPolicy({ merchantResponseHours: 1 })) - opened, 3_600_000);
  });

  it('merges a stored partial policy over the defaults', () => {
    assert.deepEqual(resolvePolicy(undefined), DEFAULT_WORKSPACE_POLICY);
    assert.deepEqual(resolvePolicy({ merchantResponseHours: 24 }), {
      ...DEFAULT_WORKSPACE_POLICY,
      merchantResponseHours: 24,
    });
  });
});
