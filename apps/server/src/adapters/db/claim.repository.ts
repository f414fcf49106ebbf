import type { ClaimStatus, ClaimType, PolicyReason } from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import type { ClaimsTable } from './schema.js';

/** A reviewer's decision on a claim. */
export interface ClaimDecision {
  readonly outcome: 'approved' | 'partially_approved' | 'rejected';
  readonly reasonCode: string;
  readonly note: string | null;
  readonly approvedAmountFen: number | null;
  /** Audit name of who decided (`user:…`, `system:…` for automatic approval). */
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** A claim as the services return it. Times ISO 8601 UTC, amounts in fen. */
export interface Claim {
  readonly id: string;
  readonly orderId: string;
  readonly buyerId: string | null;
  readonly type: ClaimType;
  readonly status: ClaimStatus;
  readonly reason: string;
  readonly amountFen: number;
  /** Highest score 0..1 of the buyer's analysed evidence; null until analysed. */
  readonly riskScore: number | null;
  /** Whether any buyer evidence is flagged (not clean, or a high finding): never auto-approved. */
  readonly flagged: boolean;
  /** Why the last policy assessment did not approve automatically (empty when it did, or before analysis). */
  readonly policyReasons: readonly PolicyReason[];
  readonly merchantDeadlineAt: string | null;
  readonly merchantStatement: string | null;
  readonly decision: ClaimDecision | null;
  readonly appealCount: number;
  readonly appealReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toClaim(row: Selectable<ClaimsTable>): Claim {
  return {
    id: row.id,
    orderId: row.order_id,
    buyerId: row.buyer_id,
    type: row.type as ClaimType,
    status: row.status as ClaimStatus,
    reason: row.reason,
    amountFen: Number(row.amount_fen),
    riskScore: row.risk_score === null ? null : Number(row.risk_score),
    flagged: Number(row.flagged) === 1,
    policyReasons: row.policy_json ? (JSON.parse(row.policy_json) as PolicyReason[]) : [],
    merchantDeadlineAt: row.merchant_deadline_at,
    merchantStatement: row.merchant_statement,
    decision: row.decision_outcome
      ? {
          outcome: row.decision_outcome as ClaimDecision['outcome'],
          reasonCode: row.decision_reason_code ?? '',
          note: row.decision_note,
          approvedAmountFen: row.approved_amount_fen === null ? null : Number(row.approved_amount_fen),
          decidedBy: row.decided_by,
          decidedAt: row.decided_at,
        }
      : null,
    appealCount: Number(row.appeal_count),
    appealReason: row.appeal_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
