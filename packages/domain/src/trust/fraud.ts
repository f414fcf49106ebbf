/**
 * What "confirmed fraudulent" means for a claim (issue 7): its current decision is a rejection with one of the reason
 * codes that say the evidence was faked. Buyer credit, legal thresholds and the fraud feed all read it from here, so
 * a decision reversed on appeal (re-decided as approved, partially approved or rejected for another reason) stops
 * counting everywhere at once.
 */

/** Rejection reason codes that state the buyer's evidence was faked (the console's decision form offers them). */
export const FRAUD_REASON_CODES = ['evidence_forged', 'ai_generated', 'evidence_reused'] as const;
export type FraudReasonCode = (typeof FRAUD_REASON_CODES)[number];

/**
 * Whether a claim's current decision confirms fraud.
 * @param outcome the claim's `decision_outcome` (null while undecided)
 * @param reasonCode the claim's `decision_reason_code` (null while undecided)
 * @example isConfirmedFraud('rejected', 'evidence_forged') // true
 * @example isConfirmedFraud('rejected', 'insufficient_evidence') // false — rejected, but no finding of fraud
 * @example isConfirmedFraud('approved', 'evidence_forged') // false
 */
export function isConfirmedFraud(outcome: string | null | undefined, reasonCode: string | null | undefined): boolean {
  return outcome === 'rejected' && (FRAUD_REASON_CODES as readonly string[]).includes(reasonCode ?? '');
}
