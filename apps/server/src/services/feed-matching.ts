import { combineFindings, makeFinding, text, type Finding, type PhotoReport } from '@proofdesk/forensics';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import { REUSE_RADIUS_BITS } from './reuse-index.service.js';

export const FEED_FINDING = 'reuse.seen_in_fraud_feed';

/** A live (not retracted) feed signal whose hash is within the radius of a photo's. */
export interface FeedMatch {
  readonly subscriptionId: string;
  readonly feedName: string;
  readonly signalId: string;
  readonly distanceBits: number;
  readonly confirmedAt: string;
  readonly reasonCode: string;
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let v = i; v; v >>= 1) n += v & 1;
  return n;
});

/** Hamming distance of two 64-hex PDQ hashes, in bits. */
export function hammingBits(a: string, b: string): number {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  let bits = 0;
  for (let i = 0; i < 32; i++) bits += POPCOUNT[x[i]! ^ y[i]!]!;
  return bits;
}

/**
 * The workspace's live feed signals within `radiusBits` of `pdqHash`, nearest first, one per (feed, signal). A
 * linear scan over the workspace's feed hashes: feeds carry confirmed fraud only, thousands of hashes, not millions
 * (ADR 0017 says when to move them into the forensic core's hash index).
 */
export async function findInFeeds(
  db: Kysely<Database>,
  workspaceId: string,
  pdqHash: string,
  radiusBits = REUSE_RADIUS_BITS,
): Promise<FeedMatch[]> {
  const rows = await db
    .selectFrom('feed_signal_hashes as h')
    .innerJoin('feed_signals as s', 's.id', 'h.signal_row_id')
    .innerJoin('feed_subscriptions as sub', 'sub.id', 's.subscription_id')
    .select(['h.pdq_hash', 's.subscription_id', 'sub.name', 's.signal_id', 's.confirmed_at', 's.reason_code'])
    .where('h.workspace_id', '=', workspaceId)
    .where('s.retracted_at', 'is', null)
    .execute();
  const best = new Map<string, FeedMatch>();
  for (const row of rows) {
    const distanceBits = hammingBits(row.pdq_hash, pdqHash);
    if (distanceBits > radiusBits) continue;
    const key = `${row.subscription_id}\n${row.signal_id}`;
    const seen = best.get(key);
    if (!seen || seen.distanceBits > distanceBits)
      best.set(key, {
        subscriptionId: row.subscription_id,
        feedName: row.name,
        signalId: row.signal_id,
        distanceBits,
        confirmedAt: row.confirmed_at,
        reasonCode: row.reason_code,
      });
  }
  return [...best.values()].sort((a, b) => a.distanceBits - b.distanceBits);
}

/**
 * The `reuse.seen_in_fraud_feed` finding (severity high: a reviewer must look) naming the feeds, the nearest
 * distance and when each signal's fraud was confirmed.
 * @param matches at least one match
 */
export function feedFinding(matches: readonly FeedMatch[], radiusBits = REUSE_RADIUS_BITS): Finding {
  const nearest = Math.min(...matches.map((m) => m.distanceBits));
  const feeds = [...new Set(matches.map((m) => m.feedName))];
  const first = matches[0]!;
  const strength = Math.max(0.5, 1 - Math.max(0, nearest - 8) / (2 * (radiusBits + 1)));
  const when = first.confirmedAt.slice(0, 10);
  return makeFinding(FEED_FINDING, {
    severity: 'high',
    strength: Math.min(1, strength),
    detail: text(
      `这张照片与订阅的欺诈信号源「${feeds.join('」「')}」中经确认的伪造证据相同（最近汉明距离 ${nearest}/256 位，发布方于 ${when} 确认，原因 ${first.reasonCode}）。`,
      `This photo matches faked evidence confirmed in the subscribed fraud feed(s) ${feeds.map((f) => `"${f}"`).join(', ')} (nearest Hamming distance ${nearest}/256 bits, confirmed by the publisher on ${when}, reason ${first.reasonCode}).`,
    ),
    facts: {
      matches: matches.map((m) => ({ ...m })),
      radiusBits,
    },
  });
}

/**
 * The report with its feed finding brought up to date: any earlier `reuse.seen_in_fraud_feed` is dropped (a
 * retraction may have ended it) and a fresh one added when the hash matches a live signal; score and verdict are
 * recombined. Returns the same report object when nothing changed.
 */
export async function withFeedMatches(
  db: Kysely<Database>,
  workspaceId: string,
  report: PhotoReport,
  pdqHash: string,
): Promise<PhotoReport> {
  const matches = await findInFeeds(db, workspaceId, pdqHash);
  const kept = report.findings.filter((f) => f.code !== FEED_FINDING);
  if (matches.length === 0 && kept.length === report.findings.length) return report;
  const findings = matches.length > 0 ? [...kept, feedFinding(matches)] : kept;
  const before = report.findings.find((f) => f.code === FEED_FINDING);
  const after = findings.find((f) => f.code === FEED_FINDING);
  if (before && after && JSON.stringify(before) === JSON.stringify(after)) return report;
  const combined = combineFindings(findings);
  return {
    ...report,
    findings,
    score: combined.score,
    verdict: report.verdict === 'error' ? 'error' : combined.verdict,
  };
}

/**
 * Helper A's credit port: the live feed signals against a buyer's network identity, and their amounts. A signal
 * seen through two subscriptions of the same publisher key counts once; retracted signals do not count.
 */
export const feedBuyerSignals = {
  async forBuyer(
    db: Kysely<Database>,
    workspaceId: string,
    buyerId: string,
  ): Promise<{ signals: number; amountFen: number }> {
    const buyer = await db
      .selectFrom('buyers')
      .select('network_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', buyerId)
      .executeTakeFirst();
    if (!buyer?.network_id) return { signals: 0, amountFen: 0 };
    const rows = await db
      .selectFrom('feed_signals as s')
      .innerJoin('feed_subscriptions as sub', 'sub.id', 's.subscription_id')
      .select(['sub.public_key', 's.signal_id', 's.amount_fen'])
      .where('s.workspace_id', '=', workspaceId)
      .where('s.buyer_network_id', '=', buyer.network_id)
      .where('s.retracted_at', 'is', null)
      .execute();
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(`${row.public_key}\n${row.signal_id}`, Number(row.amount_fen));
    return { signals: seen.size, amountFen: [...seen.values()].reduce((a, b) => a + b, 0) };
  },
};
