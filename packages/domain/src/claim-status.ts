import { errors } from './errors.js';

/** Claim types a buyer may file. */
export const CLAIM_TYPES = ['refund_only', 'return_refund', 'exchange', 'repair'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Where a claim is in its life. */
export const CLAIM_STATUSES = [
  'submitted',
  'analysing',
  'awaiting_merchant',
  'in_review',
  'approved',
  'partially_approved',
  'rejected',
  'appealed',
  'final',
  'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What can happen to a claim. Each is an entry in the transition table below. */
export const CLAIM_EVENTS = [
  /** Evidence arrived (buyer upload, or merchant counter-evidence while undecided): analysis is enqueued. */
  'analysis_started',
  /** Every evidence photo is analysed and policy allows automatic approval. */
  'auto_approved',
  /** Every evidence photo is analysed; the merchant's response window opens. */
  'merchant_window_opened',
  /** Analysis finished while the claim was already with the merchant or a reviewer: back where it was. */
  'analysis_returned_to_merchant',
  'analysis_returned_to_review',
  /** The merchant accepts the claim (refund without dispute). */
  'merchant_accepted',
  /** The merchant responds with a statement and counter-evidence: a reviewer decides. */
  'merchant_responded',
  /** The response window closed without a response. Flagged claims go to review, never to approval. */
  'window_expired_to_review',
  'window_expired_approved',
  /** A reviewer's decision. */
  'approved',
  'partially_approved',
  'rejected',
  /** The buyer or merchant appeals a decision (once). */
  'appealed',
  /** The appeal is decided, or the decision is accepted / the appeal window passes. */
  'finalised',
  /** The buyer withdraws the claim before a decision. */
  'withdrawn',
] as const;
export type ClaimEvent = (typeof CLAIM_EVENTS)[number];

const UNDECIDED = ['submitted', 'analysing', 'awaiting_merchant', 'in_review'] as const;
const DECIDED = ['approved', 'partially_approved', 'rejected'] as const;

/**
 * The claim status machine as data: for each event, the statuses it may leave from and the status it leads to.
 * Nothing else changes a claim's status (`nextClaimStatus` is the only way through).
 */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimEvent, { from: readonly ClaimStatus[]; to: ClaimStatus }>> = {
  analysis_started: { from: ['submitted', 'analysing', 'awaiting_merchant', 'in_review'], to: 'analysing' },
  auto_approved: { from: ['analysing'], to: 'approved' },
  merchant_window_opened: { from: ['analysing'], to: 'awaiting_merchant' },
  analysis_returned_to_merchant: { from: ['analysing'], to: 'awaiting_merchant' },
  analysis_returned_to_review: { from: ['analysing'], to: 'in_review' },
  merchant_accepted: { from: ['awaiting_merchant'], to: 'approved' },
  merchant_responded: { from: ['awaiting_merchant'], to: 'in_review' },
  window_expired_to_review: { from: ['awaiting_merchant'], to: 'in_review' },
  window_expired_approved: { from: ['awaiting_merchant'], to: 'approved' },
  approved: { from: ['in_review', 'appealed'], to: 'approved' },
  partially_approved: { from: ['in_review', 'appealed'], to: 'partially_approved' },
  rejected: { from: ['in_review', 'appealed'], to: 'rejected' },
  appealed: { from: DECIDED, to: 'appealed' },
  finalised: { from: [...DECIDED, 'appealed'], to: 'final' },
  withdrawn: { from: UNDECIDED, to: 'withdrawn' },
};

/** Statuses a claim never leaves. */
export const TERMINAL_CLAIM_STATUSES: readonly ClaimStatus[] = ['final', 'withdrawn'];

/** Whether `event` may happen to a claim in `status`. */
export function canApplyClaimEvent(status: ClaimStatus, event: ClaimEvent): boolean {
  return CLAIM_TRANSITIONS[event].from.includes(status);
}

/**
 * The status after `event`, or an `invalid_state` error naming both.
 * @throws {DomainError} code `invalid_state` when the table has no such transition
 * @example nextClaimStatus('in_review', 'rejected') // 'rejected'
 */
export function nextClaimStatus(status: ClaimStatus, event: ClaimEvent): ClaimStatus {
  if (!canApplyClaimEvent(status, event)) throw errors.invalidState('claim', status, event);
  return CLAIM_TRANSITIONS[event].to;
}

/** Whether the claim still awaits a decision (evidence may be added, the buyer may withdraw). */
export function isUndecided(status: ClaimStatus): boolean {
  return (UNDECIDED as readonly ClaimStatus[]).includes(status);
}

/** Bilingual labels for statuses, for messages and reports. */
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, { zh: string; en: string }>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  analysing: { zh: '证据分析中', en: 'Analysing evidence' },
  awaiting_merchant: { zh: '待商家响应', en: 'Awaiting merchant' },
  in_review: { zh: '人工审核中', en: 'In review' },
  approved: { zh: '已同意', en: 'Approved' },
  partially_approved: { zh: '部分同意', en: 'Partially approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  appealed: { zh: '申诉中', en: 'Appealed' },
  final: { zh: '已完结', en: 'Final' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};
