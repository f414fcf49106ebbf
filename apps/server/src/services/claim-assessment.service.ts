import {
  decideAutoApproval,
  merchantDeadline,
  onWindowExpired,
  type ClaimEvent,
  type ClaimStatus,
  type EvidenceOutcome,
} from '@proofdesk/domain';
import { checkPhoto, combineFindings, DEFAULT_LIMITS, hashPhoto, type PhotoReport } from '@proofdesk/forensics';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ClaimsTable, Database } from '../adapters/db/schema.js';
import { loadWorkspacePolicy } from '../adapters/db/workspace.repository.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { JobResult } from '../jobs/job-types.js';
import { loadClaimRow } from './claim-access.js';
import { applyClaimChange, reopenForAnalysis, UNDECIDED_WITH_EVIDENCE } from './claim-transition.js';
import { withFeedMatches } from './feed-matching.js';
import type { CreditService } from './credit.service.js';
import type { ReferenceLibrary } from './reference-library.service.js';
import { reuseFinding, type ReuseIndexService } from './reuse-index.service.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** The audit names of the jobs' actors. */
const ANALYSIS_ACTOR = 'system:analysis';
const SCHEDULER_ACTOR = 'system:scheduler';

/**
 * The asynchronous half of the claims workflow, run by the job worker: analysing evidence photos (forensic check
 * against the workspace's reference photos, cross-claim reuse), re-assessing the claim once all its evidence is
 * analysed, closing merchant windows, and re-analysing after the references change. Every handler is idempotent.
 */
export class ClaimAssessmentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly references: ReferenceLibrary,
    private readonly reuse: ReuseIndexService,
    /** Buyer credit for the auto-approval policy; without it the policy does not check credit. */
    private readonly credit?: Pick<CreditService, 'assess'>,
  ) {}

  /**
   * Analyses one evidence photo and stores its report, verdict, score and PDQ hash; then, when every evidence photo
   * of its claim is analysed, re-assesses the claim in the same transaction. An evidence photo already analysed
   * against the same reference set is not analysed again (`skipped`, unless the claim still needed assessing).
   */
  async analyseEvidence(workspaceId: string, evidenceId: string): Promise<JobResult> {
    const { db, blobs, forensic, clock } = this.deps;
    const limits = this.deps.limits ?? DEFAULT_LIMITS;
    const evidence = await db.kysely
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', evidenceId)
      .executeTakeFirst();
    if (!evidence) return { outcome: 'failed', why: `no evidence ${evidenceId} in workspace ${workspaceId}` };
    const claim = await loadClaimRow(db.kysely, workspaceId, evidence.claim_id);
    if (!UNDECIDED_WITH_EVIDENCE.includes(claim.status as ClaimStatus))
      return { outcome: 'skipped', why: `claim ${claim.id} is ${claim.status}` };
    const { key, references } = await this.references.referencesFor(workspaceId);
    let analysed: { report: PhotoReport; pdqHash: string | null } | undefined;
    if (!(evidence.status === 'analysed' && evidence.references_key === key)) {
      const startedMs = performance.now();
      const bytes = await blobs.get(evidence.blob_sha256);
      const order = await db.kysely
        .selectFrom('orders')
        .select('delivered_at')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', claim.order_id)
        .executeTakeFirst();
      const report = await checkPhoto({ file: evidence.filename, bytes, sha256: evidence.blob_sha256 }, forensic, {
        limits,
        ...(order?.delivered_at ? { deliveredAt: new Date(order.delivered_at) } : {}),
        ...(references.length > 0 ? { references } : {}),
      });
      const hashed = await hashPhoto(bytes, forensic, limits);
      analysed = { report, pdqHash: hashed.ok ? hashed.hash : null };
      this.deps.logger.info(
        {
          workspaceId,
          evidenceId,
          claimId: claim.id,
          verdict: report.verdict,
          score: report.score,
          findings: report.findings.map((f) => f.code),
          references: references.length,
          ms: Math.round(performance.now() - startedMs),
        },
        'evidence analysed',
      );
    }
    const assessed = await db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(clock);
      // Lock the workspace row, then the claim row. The workspace lock serialises the commits of analyses in the
      // workspace, so of two claims with the same photo analysed at once the later one sees the earlier one's hash
      // (the reuse search runs here, inside the lock). The claim lock: two photos of one claim finishing at once
      // would otherwise each see the other still pending, and the claim would never be assessed (PostgreSQL).
      await trx
        .updateTable('workspaces')
        .set((eb) => ({ slug: eb.ref('slug') }))
        .where('id', '=', workspaceId)
        .execute();
      await trx
        .updateTable('claims')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', claim.id)
        .execute();
      if (analysed) {
        const { pdqHash } = analysed;
        const report = pdqHash
          ? await withFeedMatches(
              trx,
              workspaceId,
              await this.withReuse(trx, analysed.report, workspaceId, claim.id, pdqHash),
              pdqHash,
            )
          : analysed.report;
        await trx
          .updateTable('evidence')
          .set({
            status: 'analysed',
            verdict: report.verdict,
            score: report.score,
            report_json: JSON.stringify(report),
            pdq_hash: pdqHash,
            references_key: key,
            analysed_at: at,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', evidenceId)
          .execute();
        if (pdqHash && evidence.pdq_hash === null) await this.reuse.recordPlatformHash(trx, pdqHash, at);
      } else if (evidence.pdq_hash && evidence.report_json) {
        // Same references, but the subscribed fraud feeds may have changed since (docs/feeds.md): bring the feed
        // finding up to date without re-running the forensic check.
        const before = JSON.parse(evidence.report_json) as PhotoReport;
        const report = await withFeedMatches(trx, workspaceId, before, evidence.pdq_hash);
        if (report !== before)
          await trx
            .updateTable('evidence')
            .set({ verdict: report.verdict, score: report.score, report_json: JSON.stringify(report) })
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', evidenceId)
            .execute();
      }
      return this.assessIfComplete(trx, workspaceId, claim.id, at);
    });
    if (!analysed && !assessed)
      return { outcome: 'skipped', why: `evidence ${evidenceId} already analysed against the same references` };
    return { outcome: 'done' };
  }

  /**
   * Closes a merchant window whose deadline has passed: a flagged claim goes to review, never to approval; a clean
   * one follows the workspace's `onMerchantTimeout`. Skipped when the claim has moved on or the deadline moved.
   */
  async expireMerchantWindow(workspaceId: string, claimId: string): Promise<JobResult> {
    const { db, clock, ids } = this.deps;
    return db.kysely.transaction().execute(async (trx): Promise<JobResult> => {
      const row = await loadClaimRow(trx, workspaceId, claimId);
      if (row.status !== 'awaiting_merchant') return { outcome: 'skipped', why: `claim is ${row.status}` };
      const at = nowIso(clock);
      if (row.merchant_deadline_at && row.merchant_deadline_at > at)
        return { outcome: 'skipped', why: `the window closes at ${row.merchant_deadline_at}` };
      const policy = await loadWorkspacePolicy(trx, workspaceId);
      const flagged = Number(row.flagged) === 1;
      const event = onWindowExpired(policy, Number(row.amount_fen), flagged);
      await applyClaimChange(trx, ids, {
        workspaceId,
        claimId,
        from: 'awaiting_merchant',
        event,
        at,
        actor: SCHEDULER_ACTOR,
        patch:
          event === 'window_expired_approved'
            ? {
                decision_outcome: 'approved',
                decision_reason_code: 'merchant_timeout',
                approved_amount_fen: row.amount_fen,
                decided_by: SCHEDULER_ACTOR,
                decided_at: at,
              }
            : {},
        auditData: { flagged, deadline: row.merchant_deadline_at, onMerchantTimeout: policy.onMerchantTimeout },
      });
      return { outcome: 'done' };
    });
  }

  /**
   * The workspace's reference photos changed: every undecided claim with evidence goes back to `analysing`
   * (remembering where it was) and each of its evidence photos is queued for analysis, one claim per transaction.
   */
  async reanalyseWorkspace(workspaceId: string, referencePhotoId: string): Promise<JobResult> {
    const { db, clock, ids } = this.deps;
    const claims = await db.kysely
      .selectFrom('claims')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('status', 'in', UNDECIDED_WITH_EVIDENCE)
      .where((eb) =>
        eb.exists(eb.selectFrom('evidence').select('evidence.id').whereRef('evidence.claim_id', '=', 'claims.id')),
      )
      .orderBy('id')
      .execute();
    let queued = 0;
    for (const { id: claimId } of claims) {
      queued += await db.kysely.transaction().execute(async (trx) => {
        const at = nowIso(clock);
        const auditData = { cause: 'references_changed', referencePhotoId };
        if (!(await reopenForAnalysis(trx, ids, { workspaceId, claimId, at, actor: ANALYSIS_ACTOR, auditData })))
          return 0;
        const evidence = await trx
          .selectFrom('evidence')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('claim_id', '=', claimId)
          .execute();
        for (const e of evidence)
          await enqueueJob(trx, ids, { kind: 'analyse_evidence', workspaceId, evidenceId: e.id }, { runAt: at });
        return evidence.length;
      });
    }
    if (queued > 0) this.deps.onJobsEnqueued?.();
    this.deps.logger.info({ workspaceId, referencePhotoId, claims: claims.length, queued }, 're-analysis queued');
    return claims.length === 0 ? { outcome: 'skipped', why: 'no undecided claim has evidence' } : { outcome: 'done' };
  }

  private async withReuse(
    trx: Kysely<Database>,
    report: PhotoReport,
    workspaceId: string,
    claimId: string,
    pdqHash: string,
  ): Promise<PhotoReport> {
    const matches = await this.reuse.findInOtherClaims(trx, workspaceId, claimId, pdqHash);
    if (matches.length === 0) return report;
    const findings = [...report.findings, reuseFinding(matches)];
    const combined = combineFindings(findings);
    return {
      ...report,
      findings,
      score: combined.score,
      verdict: report.verdict === 'error' ? 'error' : combined.verdict,
    };
  }

  /**
   * When the claim is `analysing` and none of its evidence is pending: applies the policy to the buyer's evidence
   * and moves the claim (auto-approved, merchant window opened, or back to the merchant or reviewer), with its
   * audit row and any window job, in the caller's transaction.
   * @returns whether the claim changed
   */
  private async assessIfComplete(
    trx: Kysely<Database>,
    workspaceId: string,
    claimId: string,
    at: string,
  ): Promise<boolean> {
    const { ids } = this.deps;
    const claim = await loadClaimRow(trx, workspaceId, claimId);
    if (claim.status !== 'analysing') return false;
    const evidence = await trx
      .selectFrom('evidence')
      .select(['submitted_by', 'status', 'verdict', 'score', 'report_json'])
      .where('workspace_id', '=', workspaceId)
      .where('claim_id', '=', claimId)
      .execute();
    if (evidence.some((e) => e.status === 'pending')) return false;
    const buyerEvidence = evidence.filter((e) => e.submitted_by === 'buyer');
    const outcomes: EvidenceOutcome[] = buyerEvidence.map((e) => ({
      verdict: (e.verdict ?? 'error') as EvidenceOutcome['verdict'],
      findingSeverities: e.report_json
        ? (JSON.parse(e.report_json) as PhotoReport).findings.map((f) => f.severity)
        : [],
    }));
    const policy = await loadWorkspacePolicy(trx, workspaceId);
    const decision = decideAutoApproval({
      policy,
      amountFen: Number(claim.amount_fen),
      buyer: await this.buyerHistory(trx, claim),
      ...(this.credit && claim.buyer_id ? { credit: await this.credit.assess(trx, workspaceId, claim.buyer_id) } : {}),
      evidence: outcomes,
    });
    const scores = buyerEvidence.map((e) => (e.score === null ? 0 : Number(e.score)));
    const riskScore = scores.length > 0 ? Math.max(...scores) : null;
    const returnTo = claim.analysis_return_status;
    const event: ClaimEvent =
      returnTo === 'awaiting_merchant'
        ? 'analysis_returned_to_merchant'
        : returnTo === 'in_review'
          ? 'analysis_returned_to_review'
          : decision.autoApprove
            ? 'auto_approved'
            : 'merchant_window_opened';
    const patch: Updateable<ClaimsTable> = {
      risk_score: riskScore,
      flagged: decision.flagged ? 1 : 0,
      policy_json: JSON.stringify(decision.reasons),
      analysis_return_status: null,
    };
    let deadline = claim.merchant_deadline_at;
    if (event === 'merchant_window_opened') {
      deadline = new Date(merchantDeadline(Date.parse(at), policy)).toISOString();
      patch.merchant_deadline_at = deadline;
    }
    if (event === 'auto_approved')
      Object.assign(patch, {
        decision_outcome: 'approved',
        decision_reason_code: 'auto_approved',
        approved_amount_fen: claim.amount_fen,
        decided_by: ANALYSIS_ACTOR,
        decided_at: at,
      });
    await applyClaimChange(trx, ids, {
      workspaceId,
      claimId,
      from: 'analysing',
      event,
      at,
      actor: ANALYSIS_ACTOR,
      patch,
      auditData: {
        flagged: decision.flagged,
        riskScore,
        reasons: decision.reasons.map((r) => r.code),
        ...(deadline && event !== 'auto_approved' && event !== 'analysis_returned_to_review' ? { deadline } : {}),
      },
    });
    if ((event === 'merchant_window_opened' || event === 'analysis_returned_to_merchant') && deadline)
      await enqueueJob(
        trx,
        ids,
        { kind: 'expire_merchant_window', workspaceId, claimId },
        { runAt: deadline > at ? deadline : at },
      );
    return true;
  }

  private async buyerHistory(
    trx: Kysely<Database>,
    claim: Selectable<ClaimsTable>,
  ): Promise<{ priorClaims: number; priorRejected: number }> {
    if (!claim.buyer_id) return { priorClaims: 0, priorRejected: 0 };
    const row = await trx
      .selectFrom('claims')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('claims'),
        eb.fn.count<number | string>(eb.case().when('decision_outcome', '=', 'rejected').then(1).end()).as('rejected'),
      ])
      .where('workspace_id', '=', claim.workspace_id)
      .where('buyer_id', '=', claim.buyer_id)
      .where('id', '!=', claim.id)
      .executeTakeFirstOrThrow();
    return { priorClaims: Number(row.claims), priorRejected: Number(row.rejected) };
  }
}
