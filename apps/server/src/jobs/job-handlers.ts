import type { ClaimAssessmentService } from '../services/claim-assessment.service.js';
import type { ComplaintSlaService } from '../services/complaint-sla.service.js';
import type { FeedPublisherService } from '../services/feed-publisher.service.js';
import type { FeedSubscriptionService } from '../services/feed-subscription.service.js';
import type { NotificationDeliveryService } from '../services/notification-delivery.service.js';
import type { SlaService } from '../services/sla.service.js';
import type { JobHandlers } from './job-worker.js';

/**
 * The claims workflow's and the repair orders' SLA job handlers, for the in-process worker (`serve`) and `proofdesk worker`: one per job
 * kind, checked with `satisfies`, so a new kind without a handler fails to compile. Every handler is idempotent.
 */
export function createJobHandlers(
  assessment: ClaimAssessmentService,
  sla: SlaService,
  notifications: NotificationDeliveryService,
  complaintSla: ComplaintSlaService,
  feeds: { readonly publisher: FeedPublisherService; readonly subscriptions: FeedSubscriptionService },
): JobHandlers {
  return {
    analyse_evidence: (job) => assessment.analyseEvidence(job.workspaceId, job.evidenceId),
    expire_merchant_window: (job) => assessment.expireMerchantWindow(job.workspaceId, job.claimId),
    reanalyse_workspace: (job) => assessment.reanalyseWorkspace(job.workspaceId, job.referencePhotoId),
    'sla.check': (job) => sla.check(job.workspaceId, job.orderId),
    'notify.deliver': (job) => notifications.deliver(job.workspaceId, job.notificationId),
    'complaint.sla_check': (job) => complaintSla.check(job.workspaceId, job.complaintId),
    'feed.publish': (job) => feeds.publisher.publishClaim(job.workspaceId, job.claimId),
    'feed.pull': (job) => feeds.subscriptions.pull(job.workspaceId, job.subscriptionId, job.scheduledAt),
  } satisfies JobHandlers;
}
