import { createJobHandlers } from '../jobs/job-handlers.js';
import type { JobHandlers } from '../jobs/job-worker.js';
import { BuyerService } from './buyer.service.js';
import { CatalogueService } from './catalogue.service.js';
import { ClaimAssessmentService } from './claim-assessment.service.js';
import { ClaimService } from './claim.service.js';
import { CreditService } from './credit.service.js';
import { TrustSettingsService } from './trust-settings.service.js';
import { EvidenceService } from './evidence.service.js';
import { EvidencePackageService } from './evidence-package.service.js';
import { feedBuyerSignals } from './feed-matching.js';
import { FeedPublisherService } from './feed-publisher.service.js';
import { FeedSubscriptionService } from './feed-subscription.service.js';
import { AreaService } from './network-areas.service.js';
import { NetworkService } from './network.service.js';
import { OutletCoverageService } from './outlet-coverage.service.js';
import { OutletService } from './outlet.service.js';
import { ServiceSettingsService } from './service-settings.service.js';
import { TechnicianService } from './technician.service.js';
import { OrderService } from './order.service.js';
import { PhotoCheckService } from './photo-check-upload.service.js';
import { ReferenceLibrary } from './reference-library.service.js';
import { ReuseIndexService } from './reuse-index.service.js';
import { repairNetworkOf } from './repair-network.js';
import { RepairOrderService } from './repair-order.service.js';
import { RepairWorkflowService } from './repair-workflow.service.js';
import { RepairCustomerService } from './repair-customer.service.js';
import { DispatchService } from './dispatch.service.js';
import { SlaService } from './sla.service.js';
import { ComplaintService } from './complaint.service.js';
import { ComplaintRateService } from './complaint-rate.service.js';
import { ComplaintSlaService } from './complaint-sla.service.js';
import { VisitService } from './visit.service.js';
import type { ServiceDeps } from './service-deps.js';
import { OfficialChannelService } from './official.service.js';
import { OfficialVerifyService } from './official-verify.service.js';
import { PlanService } from './plan.service.js';
import { PlanCoverageService } from './plan-coverage.service.js';
import { PlanReportService } from './plan-report.service.js';
import { SerialService } from './serial.service.js';
import { SmtpEmailSender } from '../adapters/notify/smtp.email-sender.js';
import { HttpWebhookSender } from '../adapters/notify/http.webhook-sender.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationOutbox } from './notification-outbox.js';
import { NotificationService } from './notification.service.js';
import { NotificationSubscriptionService } from './notification-subscription.service.js';

export type { ServiceDeps, ServiceLogger, Page, PageRequest } from './service-deps.js';
export { silentLogger } from './service-deps.js';

/** Every claims use case, wired once: the single composition `proofdesk serve` and `proofdesk worker` use. */
export interface Services {
  readonly catalogue: CatalogueService;
  readonly orders: OrderService;
  readonly buyers: BuyerService;
  readonly claims: ClaimService;
  readonly evidence: EvidenceService;
  /** Evidence packages (PDF, ZIP with originals and a manifest) for a platform appeal or a police report. */
  readonly evidencePackages: EvidencePackageService;
  /** Checks photos outside any claim, in memory. */
  readonly photoCheck: PhotoCheckService;
  /** The analysis side, for tests and admin tools; the worker reaches it through `jobHandlers`. */
  readonly assessment: ClaimAssessmentService;
  /** The job handlers to give the job worker. */
  readonly jobHandlers: JobHandlers;
  /** The service network: outlets, their coverage, technicians, settings, divisions, and the network for dispatch. */
  readonly outlets: OutletService;
  readonly coverage: OutletCoverageService;
  readonly technicians: TechnicianService;
  readonly serviceSettings: ServiceSettingsService;
  readonly areas: AreaService;
  readonly network: NetworkService;
  /** Repair orders: intake, reading, reveal; their workflow, dispatch, SLA, visits, and the customer's link. */
  readonly repairOrders: RepairOrderService;
  readonly repairWorkflow: RepairWorkflowService;
  readonly dispatch: DispatchService;
  readonly sla: SlaService;
  readonly visits: VisitService;
  readonly repairCustomers: RepairCustomerService;
  /** Official-channel verification: the brand's registered hotlines and websites, and the public verification. */
  readonly officialChannels: OfficialChannelService;
  readonly officialVerify: OfficialVerifyService;
  /** Complaints: filing, queue, contacts, status events, the customer's answers; SLA checks; rates. */
  readonly complaints: ComplaintService;
  readonly complaintSla: ComplaintSlaService;
  readonly complaintRates: ComplaintRateService;
  /** Care plans: the plans, serials with plans sold on them, each order's coverage, and the plans report. */
  readonly plans: PlanService;
  readonly serials: SerialService;
  readonly planCoverage: PlanCoverageService;
  readonly planReports: PlanReportService;
  /** Notifications: the outbox callers write to in their transaction, delivery after commit, inbox and settings. */
  readonly outbox: NotificationOutbox;
  readonly notificationDelivery: NotificationDeliveryService;
  readonly notifications: NotificationService;
  readonly notificationSubscriptions: NotificationSubscriptionService;
  /** Trust: buyer credit (with shared and feed signals, legal flags) and the workspace's trust settings. */
  readonly credit: CreditService;
  readonly trustSettings: TrustSettingsService;
  /** Signed fraud feeds: this workspace's own feed and network key, and its subscriptions to other installations. */
  readonly feedPublisher: FeedPublisherService;
  readonly feedSubscriptions: FeedSubscriptionService;
}

/**
 * Builds the services over their ports.
 * @example
 * const services = createServices({ db, blobs, cipher, pseudonymiser, clock: systemClock, ids, forensic, logger });
 * await services.claims.createClaim(actor, { orderId, type: 'refund_only', reason: '破损', amountFen: 1990 });
 */
export function createServices(deps: ServiceDeps): Services {
  const buyers = new BuyerService(deps);
  const references = new ReferenceLibrary(deps.db, deps.blobs, deps.forensic, deps.logger, deps.limits);
  const reuse = new ReuseIndexService();
  const credit = new CreditService(deps, { feedSignals: feedBuyerSignals });
  const feedPublisher = new FeedPublisherService(deps);
  const feedSubscriptions = new FeedSubscriptionService(deps);
  const assessment = new ClaimAssessmentService(deps, references, reuse, credit);
  const network = new NetworkService(deps);
  const serviceSettings = new ServiceSettingsService(deps);
  // The repair side reads settings on the query-only connection: on SQLite a read there never queues behind the
  // write batch in flight (intake group-commits), and every intake, status change and SLA check reads them.
  const settingsReader = new ServiceSettingsService({ ...deps, db: { ...deps.db, kysely: deps.db.reader } });
  const repairNetwork = repairNetworkOf({
    settingsOf: (workspaceId) => settingsReader.settingsOf(workspaceId),
    networkVersion: (workspaceId) => network.networkVersion(workspaceId),
    dispatchNetwork: (workspaceId) => network.dispatchNetwork(workspaceId),
  });
  const outbox = new NotificationOutbox(deps);
  const notificationDelivery = new NotificationDeliveryService(deps, {
    email: new SmtpEmailSender(),
    webhook: new HttpWebhookSender({ nowMs: () => deps.clock.nowMs() }),
  });
  const sla = new SlaService(deps, repairNetwork);
  const repairOrders = new RepairOrderService(deps, repairNetwork, sla);
  const repairWorkflow = new RepairWorkflowService(deps, repairOrders, sla);
  const complaintSla = new ComplaintSlaService(
    deps,
    outbox,
    async (workspaceId) => (await settingsReader.settingsOf(workspaceId)).settings.complaints,
  );
  const complaintRates = new ComplaintRateService(deps);
  return {
    catalogue: new CatalogueService(deps),
    orders: new OrderService(deps, buyers),
    buyers,
    claims: new ClaimService(deps),
    evidence: new EvidenceService(deps),
    evidencePackages: new EvidencePackageService(deps, credit),
    photoCheck: new PhotoCheckService(deps.forensic, deps.limits),
    assessment,
    jobHandlers: createJobHandlers(assessment, sla, notificationDelivery, complaintSla, {
      publisher: feedPublisher,
      subscriptions: feedSubscriptions,
    }),
    outlets: new OutletService(deps),
    coverage: new OutletCoverageService(deps),
    technicians: new TechnicianService(deps),
    serviceSettings,
    areas: new AreaService(),
    network,
    repairOrders,
    repairWorkflow,
    dispatch: new DispatchService(deps, repairNetwork, repairWorkflow, undefined, (workspaceId) =>
      complaintRates.technicianRates(workspaceId),
    ),
    sla,
    visits: new VisitService(deps),
    repairCustomers: new RepairCustomerService(deps, repairOrders, repairWorkflow),
    officialChannels: new OfficialChannelService(deps),
    officialVerify: new OfficialVerifyService(deps),
    complaints: new ComplaintService(deps, complaintSla, outbox),
    complaintSla,
    complaintRates,
    plans: new PlanService(deps),
    serials: new SerialService(deps),
    planCoverage: new PlanCoverageService(deps),
    planReports: new PlanReportService(deps),
    outbox,
    notificationDelivery,
    notifications: new NotificationService(deps, notificationDelivery),
    notificationSubscriptions: new NotificationSubscriptionService(deps),
    credit,
    trustSettings: new TrustSettingsService(deps),
    feedPublisher,
    feedSubscriptions,
  };
}
