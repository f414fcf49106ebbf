import type { Insertable } from 'kysely';
import type { ClaimsTable } from './schema.js';

/** What a new claim is made of; everything else starts empty. */
export interface NewClaimRow {
  readonly id: string;
  readonly workspaceId: string;
  readonly orderId: string;
  readonly buyerId: string | null;
  readonly type: string;
  readonly reason: string;
  readonly amountFen: number;
  /** ISO time of creation. */
  readonly at: string;
}

/** The row of a claim as filed: `submitted`, unflagged, undecided. The one place that lists a new claim's columns. */
export function newClaimRow(claim: NewClaimRow): Insertable<ClaimsTable> {
  return {
    id: claim.id,
    workspace_id: claim.workspaceId,
    order_id: claim.orderId,
    buyer_id: claim.buyerId,
    type: claim.type,
    status: 'submitted',
    reason: claim.reason,
    amount_fen: claim.amountFen,
    risk_score: null,
    flagged: 0,
    policy_json: null,
    merchant_deadline_at: null,
    merchant_statement: null,
    decision_outcome: null,
    decision_reason_code: null,
    decision_note: null,
    approved_amount_fen: null,
    decided_by: null,
    decided_at: null,
    appeal_count: 0,
    appeal_reason: null,
    analysis_return_status: null,
    created_at: claim.at,
    updated_at: claim.at,
  };
}
