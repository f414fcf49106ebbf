import { HashIndex, makeFinding, pdqWords, text, WORDS_PER_HASH, type Finding } from '@proofdesk/forensics';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';

/** PDQ's "same picture" threshold, in bits of 256. */
export const REUSE_RADIUS_BITS = 31;

/** An evidence photo of another claim whose hash is within the radius. */
export interface ReuseMatch {
  readonly evidenceId: string;
  readonly claimId: string;
  readonly distanceBits: number;
}

interface WorkspaceIndex {
  /** Evidence rows with a hash when the index was built; rows are only ever added, so a changed count means new rows. */
  readonly count: number;
  readonly index: HashIndex;
  /** Index id → evidence. */
  readonly entries: readonly { readonly evidenceId: string; readonly claimId: string }[];
}

/**
 * Cross-claim reuse: every analysed evidence photo's PDQ hash, per workspace, in the forensic core's hash index.
 * The database is the source of truth (`evidence.pdq_hash`); each process keeps an in-memory index per workspace
 * and rebuilds it when the workspace's count of hashed evidence has changed (evidence is never deleted and its
 * hash never changes, so an equal count means the same rows), which keeps API and worker processes consistent.
 * The platform-wide table `platform_hashes` holds hashes only: no workspace, no claim.
 */
export class ReuseIndexService {
  private readonly indexes = new Map<string, WorkspaceIndex>();

  constructor(private readonly radiusBits = REUSE_RADIUS_BITS) {}

  /**
   * Evidence photos of other claims of the workspace within the radius of `pdqHash`, nearest first.
   * @param db where to read new rows from: the caller's transaction when it holds one
   * @param claimId the claim the photo belongs to: its own evidence is not a reuse
   */
  async findInOtherClaims(
    db: Kysely<Database>,
    workspaceId: string,
    claimId: string,
    pdqHash: string,
  ): Promise<ReuseMatch[]> {
    const { index, entries } = await this.indexFor(db, workspaceId);
    const matches: ReuseMatch[] = [];
    for (const match of index.search(pdqHash, this.radiusBits)) {
      const entry = entries[match.id];
      if (entry && entry.claimId !== claimId)
        matches.push({ evidenceId: entry.evidenceId, claimId: entry.claimId, distanceBits: match.distanceBits });
    }
    return matches;
  }

  /** Counts a hash in the platform-wide index (hashes only), inside the caller's transaction. */
  async recordPlatformHash(trx: Kysely<Database>, pdqHash: string, at: string): Promise<void> {
    await trx
      .insertInto('platform_hashes')
      .values({ pdq_hash: pdqHash, first_seen_at: at, seen_count: 1 })
      .onConflict((oc) =>
        oc.column('pdq_hash').doUpdateSet((eb) => ({ seen_count: eb(eb.ref('platform_hashes.seen_count'), '+', 1) })),
      )
      .execute();
  }

  private async indexFor(db: Kysely<Database>, workspaceId: string): Promise<WorkspaceIndex> {
    const { n } = await db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('pdq_hash', 'is not', null)
      .executeTakeFirstOrThrow();
    const count = Number(n);
    const cached = this.indexes.get(workspaceId);
    if (cached && cached.count === count) return cached;
    const rows = await db
      .selectFrom('evidence')
      .select(['id', 'claim_id', 'pdq_hash'])
      .where('workspace_id', '=', workspaceId)
      .where('pdq_hash', 'is not', null)
      .orderBy('id')
      .execute();
    const words = new Uint32Array(rows.length * WORDS_PER_HASH);
    rows.forEach((row, i) => words.set(pdqWords(row.pdq_hash!), i * WORDS_PER_HASH));
    const index = HashIndex.build(Uint32Array.from(rows.keys()), words);
    const entries = rows.map((row) => ({ evidenceId: row.id, claimId: row.claim_id }));
    const built = { count: rows.length, index, entries };
    this.indexes.set(workspaceId, built);
    return built;
  }
}

/**
 * The `reuse.seen_in_other_claim` finding naming the other claims (severity high: a reviewer must look).
 * @param matches at least one match
 */
export function reuseFinding(matches: readonly ReuseMatch[], radiusBits = REUSE_RADIUS_BITS): Finding {
  const claimIds = [...new Set(matches.map((m) => m.claimId))];
  const nearest = Math.min(...matches.map((m) => m.distanceBits));
  const strength = Math.max(0.5, 1 - Math.max(0, nearest - 8) / (2 * (radiusBits + 1)));
  const list = claimIds.join(', ');
  return makeFinding('reuse.seen_in_other_claim', {
    severity: 'high',
    strength: Math.min(1, strength),
    detail: text(
      `这张照片与另外 ${claimIds.length} 笔售后申请的证据照片相同（最近汉明距离 ${nearest}/256 位）：${list}。`,
      `This photo matches evidence of ${claimIds.length} other claim(s) (nearest Hamming distance ${nearest}/256 bits): ${list}.`,
    ),
    facts: {
      claimIds,
      matches: matches.map((m) => ({ claimId: m.claimId, evidenceId: m.evidenceId, distanceBits: m.distanceBits })),
      radiusBits,
    },
  });
}
