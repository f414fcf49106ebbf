/**
 * Job payloads as a discriminated union on `kind`. Handlers live in a map checked with `satisfies`
 * (`jobs/job-handlers.ts`), so a new kind without a handler fails to compile.
 */
export type JobPayload =
  /** Analyse one evidence photo, store its report, index its hash, then re-assess its claim. */
  | { readonly kind: 'analyse_evidence'; readonly workspaceId: string; readonly evidenceId: string }
  /** A workspace's reference photos changed: re-analyse the evidence of its undecided claims. */
  | { readonly kind: 'reanalyse_workspace'; readonly workspaceId: string; readonly referencePhotoId: string }
  /** The merchant's response window of a claim closes (scheduled at its deadline). */
  | { readonly kind: 'expire_merchant_window'; readonly workspaceId: string; readonly claimId: string }
  /** A repair order's SLA timers are due: escalate breaches, schedule the next check (run_at = the due time). */
  | { readonly kind: 'sla.check'; readonly workspaceId: string; readonly orderId: string }
  /** Deliver one outbox notification (e-mail, webhook) after the commit that wrote it; retries reschedule it. */
  | { readonly kind: 'notify.deliver'; readonly workspaceId: string; readonly notificationId: string }
  /** A complaint's acknowledge / resolve SLA is due: escalate a breach up the ladder, schedule the next check. */
  | { readonly kind: 'complaint.sla_check'; readonly workspaceId: string; readonly complaintId: string }
  /** A claim's decision changed in a workspace with a fraud feed: append a signal or a retraction if due. */
  | { readonly kind: 'feed.publish'; readonly workspaceId: string; readonly claimId: string }
  /**
   * Pull and verify a subscribed feed. `scheduledAt` set: the periodic pull due then (it schedules the next one);
   * null: an admin's "pull now".
   */
  | {
      readonly kind: 'feed.pull';
      readonly workspaceId: string;
      readonly subscriptionId: string;
      readonly scheduledAt: string | null;
    };

export type JobKind = JobPayload['kind'];

/** What a handler says of one run. `retry` and a thrown error are retried with backoff; `failed` is dead at once. */
export type JobResult =
  | { readonly outcome: 'done' }
  | { readonly outcome: 'skipped'; readonly why: string }
  | { readonly outcome: 'retry'; readonly why: string }
  | { readonly outcome: 'failed'; readonly why: string };

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
