import { isConfirmedFraud } from './fraud.js';

/** What the buyer record needs of one of the buyer's claims. */
export interface BuyerClaimFacts {
  readonly status: string;
  /** `decision_outcome`: approved / partially_approved / rejected, or null while undecided. */
  readonly decisionOutcome: string | null;
  readonly decisionReasonCode: string | null;
  /** What the buyer asked for, in fen. */
  readonly amountFen: number;
  /** What was granted, in fen (null unless approved or partially approved). */
  readonly approvedAmountFen: number | null;
  /** How many evidence photos the buyer submitted on this claim. */
  readonly buyerPhotos: number;
}

/**
 * A buyer's record in one workspace: counts and amounts (fen) derived from the buyer's claims as they stand now.
 * `approved` counts every approval however it came (reviewer, partial, merchant accepted, automatic, window expired);
 * `rejectedFraud` the claims whose current decision confirms fraud ({@link isConfirmedFraud}); `rejectedOther` the
 * other rejections; `withdrawn` the claims the buyer withdrew. Claims still undecided count only in `claimsFiled` and
 * `amountClaimedFen`. A claim counts from its first status change (its first photo starts the analysis): one still
 * `submitted` is left out, because claim creation is a batched hot path that does not run the outcome effects, and
 * the record must read the same whether it was kept by those effects or rebuilt from the claims. `fraudAmountFen` is what the buyer asked for on confirmed-fraud claims (attempted or obtained);
 * `fakePhotos` the buyer's evidence photos on those claims.
 */
export interface BuyerRecord {
  readonly claimsFiled: number;
  readonly approved: number;
  readonly rejectedFraud: number;
  readonly rejectedOther: number;
  readonly withdrawn: number;
  readonly amountClaimedFen: number;
  readonly amountApprovedFen: number;
  readonly fraudAmountFen: number;
  readonly fakePhotos: number;
}

export const EMPTY_BUYER_RECORD: BuyerRecord = {
  claimsFiled: 0,
  approved: 0,
  rejectedFraud: 0,
  rejectedOther: 0,
  withdrawn: 0,
  amountClaimedFen: 0,
  amountApprovedFen: 0,
  fraudAmountFen: 0,
  fakePhotos: 0,
};

/**
 * Derives the record from all of the buyer's claims. Recomputed from scratch on every change, so a decision reversed
 * on appeal, a withdrawal or a re-decision can never leave a stale count behind.
 */
export function summariseBuyerClaims(claims: readonly BuyerClaimFacts[]): BuyerRecord {
  const r = { ...EMPTY_BUYER_RECORD };
  for (const c of claims) {
    if (c.status === 'submitted') continue;
    r.claimsFiled += 1;
    r.amountClaimedFen += c.amountFen;
    if (c.status === 'withdrawn') {
      r.withdrawn += 1;
      continue;
    }
    if (c.decisionOutcome === 'approved' || c.decisionOutcome === 'partially_approved') {
      r.approved += 1;
      r.amountApprovedFen += c.approvedAmountFen ?? 0;
    } else if (isConfirmedFraud(c.decisionOutcome, c.decisionReasonCode)) {
      r.rejectedFraud += 1;
      r.fraudAmountFen += c.amountFen;
      r.fakePhotos += c.buyerPhotos;
    } else if (c.decisionOutcome === 'rejected') {
      r.rejectedOther += 1;
    }
  }
  return r;
}
