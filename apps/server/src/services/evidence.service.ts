import { actorLabel, errors, nextClaimStatus, type Actor, type ClaimStatus } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { toEvidence, type Evidence } from '../adapters/db/evidence.repository.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import { loadClaimRow, requireClaimAccess } from './claim-access.js';
import { applyClaimChange } from './claim-transition.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';
import { storePhoto, type PhotoUpload } from './upload.js';

export type { Evidence };

/** Who sent an evidence photo: the buyer's proof, or the merchant's counter-evidence. */
export type EvidenceSource = 'buyer' | 'merchant';

/**
 * Evidence photos of claims: upload (durable blob first, then one transaction with the row, the claim's move to
 * `analysing`, its audit row and the analysis job), and reading them back with their reports.
 */
export class EvidenceService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Adds an evidence photo to an undecided claim. The bytes are stored first (durable, content-addressed), the
   * format sniffed from them; then one transaction inserts the evidence row, moves the claim to `analysing`
   * (remembering whether it was with the merchant or a reviewer, to return there), appends `claim.status_changed`
   * and enqueues `analyse_evidence`.
   * @param submittedBy `buyer` (the buyer through the link, or staff with `claim.create` on the buyer's behalf) or
   *   `merchant` (staff with `claim.respond`; never a buyer)
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_state` once decided; `payload_too_large`;
   *   `unsupported_media_type`; `conflict` on a concurrent change
   */
  async addEvidence(
    actor: Actor,
    claimId: string,
    upload: PhotoUpload,
    submittedBy: EvidenceSource,
  ): Promise<Evidence> {
    if (submittedBy === 'buyer') requireClaimAccess(actor, claimId, 'claim.create');
    else requireClaimAccess(actor, claimId, 'claim.respond', false);
    const filename = requireText('filename', upload.filename, 255);
    const { db, ids, clock, blobs } = this.deps;
    const before = await loadClaimRow(db.kysely, actor.workspaceId, claimId);
    nextClaimStatus(before.status as ClaimStatus, 'analysis_started');
    const maxBytes = Math.min(upload.maxBytes, (this.deps.limits ?? DEFAULT_LIMITS).maxBytes);
    const stored = await storePhoto(blobs, { ...upload, filename, maxBytes });
    const id = ids.next();
    const at = nowIso(clock);
    const added = await db.kysely.transaction().execute(async (trx) => {
      const row = await loadClaimRow(trx, actor.workspaceId, claimId);
      const from = row.status as ClaimStatus;
      const returnTo =
        from === 'awaiting_merchant' || from === 'in_review'
          ? from
          : from === 'analysing'
            ? row.analysis_return_status
            : null;
      await applyClaimChange(trx, ids, {
        workspaceId: actor.workspaceId,
        claimId,
        from,
        event: 'analysis_started',
        at,
        actor: actorLabel(actor),
        patch: { analysis_return_status: returnTo },
        auditData: { evidenceId: id, submittedBy, sha256: stored.blob.sha256, bytes: stored.blob.bytes },
      });
      const evidence = {
        id,
        workspace_id: actor.workspaceId,
        claim_id: claimId,
        submitted_by: submittedBy,
        blob_sha256: stored.blob.sha256,
        filename,
        bytes: stored.blob.bytes,
        status: 'pending' as const,
        verdict: null,
        score: null,
        report_json: null,
        pdq_hash: null,
        references_key: null,
        created_at: at,
        analysed_at: null,
      };
      await trx.insertInto('evidence').values(evidence).execute();
      await enqueueJob(
        trx,
        ids,
        { kind: 'analyse_evidence', workspaceId: actor.workspaceId, evidenceId: id },
        { runAt: at },
      );
      return view(actor, toEvidence(evidence));
    });
    this.deps.onJobsEnqueued?.();
    return added;
  }

  /**
   * A claim's evidence photos with their reports, oldest first. A buyer sees its photos without verdicts, scores,
   * hashes or reports (the checks must not teach forgers what they look for).
   * @throws {DomainError} `forbidden`, `not_found`
   */
  async listEvidence(actor: Actor, claimId: string): Promise<Evidence[]> {
    requireClaimAccess(actor, claimId, 'claim.read');
    const db = this.deps.db.kysely;
    await loadClaimRow(db, actor.workspaceId, claimId);
    const rows = await db
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('claim_id', '=', claimId)
      .orderBy('id')
      .execute();
    return rows.map((row) => view(actor, toEvidence(row)));
  }

  /** One evidence photo of a claim. @throws {DomainError} `forbidden`, `not_found` */
  async getEvidence(actor: Actor, claimId: string, evidenceId: string): Promise<Evidence> {
    requireClaimAccess(actor, claimId, 'claim.read');
    const row = await this.deps.db.kysely
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('claim_id', '=', claimId)
      .where('id', '=', evidenceId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('evidence', evidenceId);
    return view(actor, toEvidence(row));
  }

  /** The bytes of an evidence photo. @throws {DomainError} `forbidden`, `not_found` */
  async getEvidenceBlob(
    actor: Actor,
    claimId: string,
    evidenceId: string,
  ): Promise<{ evidence: Evidence; bytes: Uint8Array }> {
    const evidence = await this.getEvidence(actor, claimId, evidenceId);
    return { evidence, bytes: await this.deps.blobs.get(evidence.sha256) };
  }
}

/** What an actor may see of an evidence photo: everything for staff, no forensic results for the buyer. */
function view(actor: Actor, evidence: Evidence): Evidence {
  if (actor.kind !== 'buyer') return evidence;
  return { ...evidence, verdict: null, score: null, pdqHash: null, report: null };
}
