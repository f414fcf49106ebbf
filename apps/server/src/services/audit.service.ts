import {
  GENESIS_HASH,
  verifyAuditChain,
  type Bilingual,
  type ChainBreak,
  type ChainPosition,
  type ChainedAuditEvent,
} from '@proofdesk/domain';
import { toChainedEventWithData } from '../adapters/db/audit.repository.js';
import type { Db } from '../adapters/db/database.js';
import type { AuditEventsTable } from '../adapters/db/schema.js';

/**
 * Why a chain is broken: the domain's reasons, plus `head_mismatch` when the chain ends before (or differs from) the
 * head recorded in `audit_heads` — rows removed from the end leave no gap in the rows, only there.
 */
export type ChainBreakReason = ChainBreak['reason'] | 'head_mismatch';

export interface ChainBreakReport {
  /** The broken row's id; null when the break is a missing tail row (it no longer exists). */
  readonly id: string | null;
  readonly seq: number;
  readonly reason: ChainBreakReason;
  readonly text: Bilingual;
}

/** One workspace's audit chain, verified. */
export interface ChainReport {
  readonly workspaceId: string;
  readonly ok: boolean;
  /** Events verified before the first break (all of them when ok). */
  readonly checked: number;
  readonly firstBreak?: ChainBreakReport;
}

export interface VerifyChainOptions {
  /** Rows read per query (default 1000): memory stays flat however long the chain. */
  readonly pageSize?: number;
}

/** What each break means, for people: zh first, en second. */
export const CHAIN_BREAK_TEXT: Readonly<Record<ChainBreakReason, Bilingual>> = {
  sequence_gap: {
    zh: '序号不连续：有记录被删除、插入或调换',
    en: 'sequence gap: a row was deleted, inserted or moved',
  },
  prev_hash_mismatch: {
    zh: '未衔接上一条记录的哈希：此前的记录被改写后重新计算过哈希',
    en: "does not link to the previous row's hash: an earlier row was rewritten and re-hashed",
  },
  hash_mismatch: {
    zh: '记录内容与其哈希不符：记录被修改',
    en: "the row's content does not match its hash: the row was altered",
  },
  head_mismatch: {
    zh: '链尾与记录的链头不符：末尾的记录被删除或改写',
    en: 'the chain does not end at its recorded head: rows at the end were deleted or rewritten',
  },
};

/**
 * Verifies one workspace's audit chain: streams its events in `seq` order, a page at a time, through the domain's
 * `verifyAuditChain`, then checks that the chain ends at the head `audit_heads` records. Names the first broken row.
 * @example const report = await verifyWorkspaceChain(db, workspaceId); if (!report.ok) console.log(report.firstBreak)
 */
export async function verifyWorkspaceChain(
  db: Db,
  workspaceId: string,
  options: VerifyChainOptions = {},
): Promise<ChainReport> {
  const size = options.pageSize ?? 1_000;
  let position: ChainPosition = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>', position.seq)
      .orderBy('seq')
      .limit(size)
      .execute();
    const events = rows.map(readEvent);
    const result = verifyAuditChain(events, position);
    checked += result.checked;
    if (!result.ok && result.firstBreak) return broken(workspaceId, checked, result.firstBreak);
    const last = events[events.length - 1];
    if (last) position = { seq: last.seq, hash: last.hash };
    if (rows.length < size) break;
  }
  const head = await db.kysely
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq > position.seq)
    // Rows after the last one stored are gone: the first missing one is the break.
    return broken(workspaceId, checked, { id: null, seq: position.seq + 1, reason: 'head_mismatch' });
  if (headSeq < position.seq) {
    // Rows were added after the head without going through the appender.
    const seq = headSeq + 1;
    return broken(workspaceId, checked, { id: await idAt(db, workspaceId, seq), seq, reason: 'head_mismatch' });
  }
  if (headHash !== position.hash)
    // The chain holds together but ends elsewhere: it was rewritten and re-hashed up to its last row.
    return broken(workspaceId, checked, {
      id: await idAt(db, workspaceId, position.seq),
      seq: position.seq,
      reason: 'head_mismatch',
    });
  return { workspaceId, ok: true, checked };
}

/**
 * Verifies every workspace's chain (every workspace with a head or an event), in workspace id order.
 * @param onReport called as each workspace finishes, so a CLI can print as it goes
 */
export async function verifyAllChains(
  db: Db,
  options: VerifyChainOptions & { readonly onReport?: (report: ChainReport) => void } = {},
): Promise<ChainReport[]> {
  const rows = await db.kysely
    .selectFrom('audit_heads')
    .select('workspace_id')
    .union(db.kysely.selectFrom('audit_events').select('workspace_id'))
    .orderBy('workspace_id')
    .execute();
  const reports: ChainReport[] = [];
  for (const { workspace_id } of rows) {
    const report = await verifyWorkspaceChain(db, workspace_id, options);
    options.onReport?.(report);
    reports.push(report);
  }
  return reports;
}

function broken(
  workspaceId: string,
  checked: number,
  at: { id: string | null; seq: number; reason: ChainBreakReason },
): ChainReport {
  return { workspaceId, ok: false, checked, firstBreak: { ...at, text: CHAIN_BREAK_TEXT[at.reason] } };
}

async function idAt(db: Db, workspaceId: string, seq: number): Promise<string | null> {
  const row = await db.kysely
    .selectFrom('audit_events')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A stored row as the verifier reads it; data that is no longer JSON still reads (and then fails its hash). */
function readEvent(row: AuditEventsTable): ChainedAuditEvent {
  let data: unknown;
  try {
    data = JSON.parse(row.data_json) as unknown;
  } catch {
    data = { unparseableDataJson: row.data_json };
  }
  return toChainedEventWithData(row, data);
}
