import type { Bilingual } from './errors.js';
import type { WorkspacePolicy } from './workspace-policy.js';

/** What the policy needs to know of one analysed evidence photo. */
export interface EvidenceOutcome {
  readonly verdict: 'clean' | 'suspicious' | 'forged' | 'error';
  readonly findingSeverities: readonly ('info' | 'warn' | 'high')[];
}

/** What the policy needs to know of the buyer's history in the workspace (this claim excluded). */
export interface BuyerHistory {
  readonly priorClaims: number;
  readonly priorRejected: number;
}

export interface AutoApprovalInput {
  readonly policy: WorkspacePolicy;
  readonly amountFen: number;
  readonly buyer: BuyerHistory;
  /** The buyer's credit (docs/credit.md), when the claim has a known buyer. */
  readonly credit?: { readonly score: number };
  /** Buyer-submitted evidence only; merchant counter-evidence never earns the buyer an approval. */
  readonly evidence: readonly EvidenceOutcome[];
}

export interface PolicyReason {
  readonly code: string;
  readonly text: Bilingual;
  /** The buyer's credit score, on `buyer_low_credit`. */
  readonly score?: number;
}

export interface AutoApprovalDecision {
  readonly autoApprove: boolean;
  /** Whether any evidence is flagged (suspicious, forged, unreadable, or a high finding). */
  readonly flagged: boolean;
  /** Why the claim was or was not approved automatically; empty reasons mean approval. */
  readonly reasons: readonly PolicyReason[];
}

/** Whether one evidence photo keeps its claim away from automatic approval. */
export function isFlagged(evidence: EvidenceOutcome): boolean {
  return evidence.verdict !== 'clean' || evidence.findingSeverities.includes('high');
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * Decides whether an analysed claim is approved without a human. Any finding of severity high, any non-clean
 * verdict, missing evidence, an amount over the ceiling or a buyer history over the limits blocks it; every blocking
 * reason is returned, so the reviewer sees all of them.
 */
export function decideAutoApproval(input: AutoApprovalInput): AutoApprovalDecision {
  const { policy, amountFen, buyer, evidence } = input;
  const reasons: PolicyReason[] = [];
  const flagged = evidence.some(isFlagged);
  if (!policy.autoApproveEnabled)
    reasons.push({ code: 'policy_disabled', text: { zh: '工作区未开启自动同意', en: 'Auto-approval is off' } });
  if (amountFen > policy.autoApproveMaxAmountFen)
    reasons.push({
      code: 'amount_over_ceiling',
      text: {
        zh: `金额 ¥${yuan(amountFen)} 超过自动同意上限 ¥${yuan(policy.autoApproveMaxAmountFen)}`,
        en: `Amount ¥${yuan(amountFen)} exceeds the auto-approval ceiling ¥${yuan(policy.autoApproveMaxAmountFen)}`,
      },
    });
  if (evidence.length === 0)
    reasons.push({ code: 'no_evidence', text: { zh: '没有证据照片', en: 'No evidence photos' } });
  const high = evidence.filter((e) => e.findingSeverities.includes('high')).length;
  if (high > 0)
    reasons.push({
      code: 'high_finding',
      text: { zh: `${high} 张证据照片有高风险发现`, en: `${high} evidence photo(s) have a high-severity finding` },
    });
  const notClean = evidence.filter((e) => e.verdict !== 'clean').length;
  if (notClean > 0)
    reasons.push({
      code: 'evidence_not_clean',
      text: {
        zh: `${notClean} 张证据照片未通过检测（可疑、伪造或无法读取）`,
        en: `${notClean} evidence photo(s) are not clean (suspicious, forged or unreadable)`,
      },
    });
  if (buyer.priorClaims > policy.autoApproveMaxPriorClaims)
    reasons.push({
      code: 'buyer_many_claims',
      text: {
        zh: `买家此前已有 ${buyer.priorClaims} 笔售后申请（上限 ${policy.autoApproveMaxPriorClaims}）`,
        en: `The buyer has ${buyer.priorClaims} earlier claims (limit ${policy.autoApproveMaxPriorClaims})`,
      },
    });
  if (policy.autoApproveBlockIfPriorRejection && buyer.priorRejected > 0)
    reasons.push({
      code: 'buyer_prior_rejection',
      text: {
        zh: `买家此前有 ${buyer.priorRejected} 笔申请被驳回`,
        en: `The buyer has ${buyer.priorRejected} earlier rejected claim(s)`,
      },
    });
  if (input.credit && input.credit.score < policy.autoApproveMinCreditScore)
    reasons.push({
      code: 'buyer_low_credit',
      score: input.credit.score,
      text: {
        zh: `买家信用分 ${input.credit.score} 低于自动同意下限 ${policy.autoApproveMinCreditScore}`,
        en: `The buyer's credit score ${input.credit.score} is below the auto-approval minimum ${policy.autoApproveMinCreditScore}`,
      },
    });
  return { autoApprove: reasons.length === 0, flagged, reasons };
}

/**
 * What happens when the merchant's response window closes without a response: a flagged claim always goes to a
 * reviewer; a clean one is approved only when the workspace says so and the amount is within the ceiling.
 */
export function onWindowExpired(
  policy: WorkspacePolicy,
  amountFen: number,
  flagged: boolean,
): 'window_expired_to_review' | 'window_expired_approved' {
  if (flagged) return 'window_expired_to_review';
  if (policy.onMerchantTimeout === 'approve_if_clean' && amountFen <= policy.autoApproveMaxAmountFen)
    return 'window_expired_approved';
  return 'window_expired_to_review';
}

/** When the merchant's window closes, as epoch milliseconds. Business-hours awareness comes later. */
export function merchantDeadline(openedAtMs: number, policy: WorkspacePolicy): number {
  return openedAtMs + policy.merchantResponseHours * 3_600_000;
}
