/** A workspace's claim policy. Amounts are in fen (1/100 yuan). */
export interface WorkspacePolicy {
  /** Whether claims may be approved without a human at all. */
  readonly autoApproveEnabled: boolean;
  /** Largest claim amount approved automatically, in fen. */
  readonly autoApproveMaxAmountFen: number;
  /** A buyer with more claims than this in the workspace (this one excluded) is never auto-approved. */
  readonly autoApproveMaxPriorClaims: number;
  /** A buyer with any claim rejected before is never auto-approved when this is true. */
  readonly autoApproveBlockIfPriorRejection: boolean;
  /** A buyer whose credit score (0..100, docs/credit.md) is below this is never auto-approved; 0 turns the check off. */
  readonly autoApproveMinCreditScore: number;
  /** The merchant's response window, in hours. */
  readonly merchantResponseHours: number;
  /** When the window closes without a response: approve a clean claim (platform practice) or send it to review. */
  readonly onMerchantTimeout: 'approve_if_clean' | 'review';
  /** Days after a decision during which one appeal may be filed. */
  readonly appealWindowDays: number;
}

export const DEFAULT_WORKSPACE_POLICY: WorkspacePolicy = {
  autoApproveEnabled: true,
  autoApproveMaxAmountFen: 5_000, // ¥50
  autoApproveMaxPriorClaims: 2,
  autoApproveBlockIfPriorRejection: true,
  autoApproveMinCreditScore: 60, // a new buyer scores 70; one confirmed fraud anywhere shared takes it below
  merchantResponseHours: 48,
  onMerchantTimeout: 'review',
  appealWindowDays: 7,
};

/** Merges a stored (possibly partial, possibly older) policy over the defaults. */
export function resolvePolicy(stored: Partial<WorkspacePolicy> | undefined): WorkspacePolicy {
  return { ...DEFAULT_WORKSPACE_POLICY, ...(stored ?? {}) };
}
