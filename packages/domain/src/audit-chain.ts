import { createHash } from 'node:crypto';

/** The hash the first event of a chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface AuditEventBody {
  readonly workspaceId: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly data: unknown;
}

export interface ChainedAuditEvent extends AuditEventBody {
  readonly id: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * JSON with object keys sorted at every depth, so the same event always hashes the same whatever the order its
 * fields were written or stored in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the previous hash and the canonical body: the link that makes the log tamper-evident. */
export function auditEventHash(prevHash: string, body: AuditEventBody): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(body)).digest('hex');
}

export interface ChainBreak {
  readonly id: string;
  readonly seq: number;
  readonly reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBreak?: ChainBreak;
}

/** Where a chain verification picks up: the last event already verified (`seq` 0 and the genesis hash at the start). */
export interface ChainPosition {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Verifies one workspace's chain, given its events in `seq` order from 1: each must follow the previous without a
 * gap, link to its hash, and hash to what it carries. Stops at, and names, the first broken row.
 *
 * To verify a long chain page by page, pass the last verified event of the previous page as `after`.
 */
export function verifyAuditChain(
  events: Iterable<ChainedAuditEvent>,
  after: ChainPosition = { seq: 0, hash: GENESIS_HASH },
): ChainVerification {
  let prev = after.hash;
  let expectedSeq = after.seq + 1;
  let checked = 0;
  for (const event of events) {
    const fail = (reason: ChainBreak['reason']): ChainVerification => ({
      ok: false,
      checked,
      firstBreak: { id: event.id, seq: event.seq, reason },
    });
    if (event.seq !== expectedSeq) return fail('sequence_gap');
    if (event.prevHash !== prev) return fail('prev_hash_mismatch');
    const body: AuditEventBody = {
      workspaceId: event.workspaceId,
      seq: event.seq,
      at: event.at,
      actor: event.actor,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: event.data,
    };
    if (auditEventHash(prev, body) !== event.hash) return fail('hash_mismatch');
    prev = event.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked };
}
