import type { PhotoReport } from '@proofdesk/forensics';
import type { Selectable } from 'kysely';
import type { EvidenceTable } from './schema.js';

/** An evidence photo of a claim and, once analysed, its forensic report. */
export interface Evidence {
  readonly id: string;
  readonly claimId: string;
  readonly submittedBy: 'buyer' | 'merchant';
  readonly filename: string;
  readonly sha256: string;
  readonly bytes: number;
  /** `pending` until the analysis job has run. */
  readonly status: 'pending' | 'analysed' | 'failed';
  readonly verdict: 'clean' | 'suspicious' | 'forged' | 'error' | null;
  /** Combined forensic score 0..1. */
  readonly score: number | null;
  readonly pdqHash: string | null;
  /** The report in the `proofdesk check --json` shape (findings, regions, facts). */
  readonly report: PhotoReport | null;
  readonly createdAt: string;
  readonly analysedAt: string | null;
}

export function toEvidence(row: Selectable<EvidenceTable>): Evidence {
  return {
    id: row.id,
    claimId: row.claim_id,
    submittedBy: row.submitted_by,
    filename: row.filename,
    sha256: row.blob_sha256,
    bytes: Number(row.bytes),
    status: row.status,
    verdict: row.verdict as Evidence['verdict'],
    score: row.score === null ? null : Number(row.score),
    pdqHash: row.pdq_hash,
    report: row.report_json ? (JSON.parse(row.report_json) as PhotoReport) : null,
    createdAt: row.created_at,
    analysedAt: row.analysed_at,
  };
}
