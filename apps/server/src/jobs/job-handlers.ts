import type { ClaimAssessmentService } from '../services/claim-assessment.service.js';
import type { JobKind, JobPayload, JobResult } from './job-types.js';

/** One handler per job kind, each given its own payload type; a kind without a handler fails to compile. */
export type ClaimJobHandlers = {
  readonly [K in JobKind]: (payload: Extract<JobPayload, { kind: K }>) => Promise<JobResult>;
};

/** The claims workflow's job handlers, for the in-process worker (`serve`) and `proofdesk worker`. */
export function createJobHandlers(assessment: ClaimAssessmentService): ClaimJobHandlers {
  return {
    analyse_evidence: (job) => assessment.analyseEvidence(job.workspaceId, job.evidenceId),
    expire_merchant_window: (job) => assessment.expireMerchantWindow(job.workspaceId, job.claimId),
    reanalyse_workspace: (job) => assessment.reanalyseWorkspace(job.workspaceId, job.referencePhotoId),
  } satisfies ClaimJobHandlers;
}

/** Runs one payload through its handler (the map is keyed by kind, so the payload type always matches). */
export function dispatchJob(handlers: ClaimJobHandlers, payload: JobPayload): Promise<JobResult> {
  const handler = handlers[payload.kind] as (payload: JobPayload) => Promise<JobResult>;
  return handler(payload);
}
