import {
  assessBuyerCredit,
  errors,
  evaluateLegalThresholds,
  requirePermission,
  type Actor,
  type BuyerCredit,
  type BuyerRecord,
  type CreditBand,
  type CreditFactor,
  type FeedBuyerSignalSummary,
  type LegalFlag,
  type SharedBuyerSignals,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import { toBuyerRecord } from './buyer-record.js';
import { requireClaimAccess, loadClaimRow, requireWorkspaceBuyer } from './claim-access.js';
import { pageSize, type Page, type ServiceDeps } from './service-deps.js';
import { loadTrustSettings } from './trust-settings.service.js';

/**
 * The fraud feeds' signals about one buyer (implemented by the feed side, issue 7 part "Across installations"):
 * confirmed-fraud entries from subscribed feeds that name this buyer's network identity, de-duplicated, retractions
 * applied.
 */
export interface FeedBuyerSignals {
  forBuyer(db: Kysely<Database>, workspaceId: string, buyerId: string): Promise<FeedBuyerSignalSummary>;
}

export interface CreditServiceOptions {
  /** The fraud feeds; without it the feed contributes nothing. */
  readonly feedSignals?: FeedBuyerSignals;
}

/** A buyer's credit as reviewers see it: the score with every factor, what it is built from, and legal flags. */
export interface BuyerCreditView {
  readonly buyerId: string;
  readonly score: number;
  readonly band: CreditBand;
  readonly factors: readonly CreditFactor[];
  readonly record: BuyerRecord & { readonly updatedAt: string | null };
  /** Other opted-in shops' counts; null while this workspace does not share (reciprocity). */
  readonly shared: SharedBuyerSignals | null;
  readonly feed: FeedBuyerSignalSummary;
  readonly legal: { readonly fraudAmountFen: number; readonly flags: readonly LegalFlag[] };
}

/** One row of the thresholds list. */
export interface FlaggedBuyer {
  readonly buyerId: string;
  readonly fraudAmountFen: number;
  readonly rejectedFraud: number;
  readonly claimsFiled: number;
  readonly fakePhotos: number;
  readonly updatedAt: string;
  readonly flags: readonly LegalFlag[];
}

const NO_FEED: FeedBuyerSignalSummary = { signals: 0, amountFen: 0 };

/**
 * Buyer credit (docs/credit.md): the buyer's record here, other opted-in shops' counts for the same buyer (same
 * installation-wide identity HMAC) and fraud-feed signals, scored by the pure `assessBuyerCredit`; and the legal
 * thresholds over the buyer's confirmed-fraud amount. Staff with `trust.read` (reviewers, admins) only: buyers never
 * see credit.
 */
export class CreditService {
  constructor(
    private readonly deps: Pick<ServiceDeps, 'db'>,
    private readonly options: CreditServiceOptions = {},
  ) {}

  /**
   * A buyer's credit.
   * @throws {DomainError} `forbidden` without `trust.read`; `not_found` for an unknown or another workspace's buyer
   */
  async buyerCredit(actor: Actor, buyerId: string): Promise<BuyerCreditView> {
    requirePermission(actor, 'trust.read');
    const db = this.deps.db.reader;
    await requireWorkspaceBuyer(db, actor.workspaceId, buyerId);
    return this.view(db, actor.workspaceId, buyerId);
  }

  /**
   * The credit of a claim's buyer, for the reviewer beside the claim; null when the claim has no known buyer.
   * @throws {DomainError} `forbidden` (buyers too); `not_found` for another workspace's claim
   */
  async claimBuyerCredit(actor: Actor, claimId: string): Promise<BuyerCreditView | null> {
    requireClaimAccess(actor, claimId, 'trust.read', false);
    const db = this.deps.db.reader;
    const claim = await loadClaimRow(db, actor.workspaceId, claimId);
    return claim.buyer_id ? this.view(db, actor.workspaceId, claim.buyer_id) : null;
  }

  /**
   * Buyers whose confirmed-fraud amount is at or over `minFen` (default: the workspace's administrative threshold,
   * i.e. every buyer with any), largest first, each with its legal flag.
   * @throws {DomainError} `forbidden` without `trust.read`; `invalid_input` for a bad amount, limit or cursor
   */
  async flaggedBuyers(
    actor: Actor,
    query: { minFen?: number; cursor?: string; limit?: number } = {},
  ): Promise<Page<FlaggedBuyer> & { minFen: number }> {
    requirePermission(actor, 'trust.read');
    const db = this.deps.db.reader;
    const size = pageSize(query.limit);
    const settings = await loadTrustSettings(db, actor.workspaceId);
    const minFen = query.minFen ?? settings.thresholds.administrativeMinFen;
    if (!Number.isSafeInteger(minFen) || minFen < 1)
      throw errors.invalidInput('minFen', { zh: '须为正整数（分）', en: 'must be a positive integer (fen)' });
    let select = db
      .selectFrom('buyer_records')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('fraud_amount_fen', '>=', minFen)
      .orderBy('fraud_amount_fen', 'desc')
      .orderBy('buyer_id', 'asc')
      .limit(size + 1);
    if (query.cursor) {
      const m = /^(\d{1,15}):([\w-]{1,64})$/.exec(query.cursor);
      if (!m) throw errors.invalidInput('cursor', { zh: '无效的游标', en: 'is not a cursor of this list' });
      const amount = Number(m[1]);
      const id = m[2]!;
      select = select.where((eb) =>
        eb.or([
          eb('fraud_amount_fen', '<', amount),
          eb.and([eb('fraud_amount_fen', '=', amount), eb('buyer_id', '>', id)]),
        ]),
      );
    }
    const rows = await select.execute();
    const items = rows.slice(0, size).map((row): FlaggedBuyer => {
      const r = toBuyerRecord(row);
      return {
        buyerId: row.buyer_id,
        fraudAmountFen: r.fraudAmountFen,
        rejectedFraud: r.rejectedFraud,
        claimsFiled: r.claimsFiled,
        fakePhotos: r.fakePhotos,
        updatedAt: row.updated_at,
        flags: evaluateLegalThresholds(r.fraudAmountFen, settings.thresholds),
      };
    });
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > size && last ? `${last.fraudAmountFen}:${last.buyerId}` : null,
      minFen,
    };
  }

  /** The credit alone, for the auto-approval policy inside the assessment transaction (no actor: a system read). */
  async assess(db: Kysely<Database>, workspaceId: string, buyerId: string): Promise<BuyerCredit> {
    const { score, band, factors } = await this.view(db, workspaceId, buyerId);
    return { score, band, factors };
  }

  private async view(db: Kysely<Database>, workspaceId: string, buyerId: string): Promise<BuyerCreditView> {
    // One after another: inside the assessment's transaction there is one connection.
    const row = await db
      .selectFrom('buyer_records')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('buyer_id', '=', buyerId)
      .executeTakeFirst();
    const settings = await loadTrustSettings(db, workspaceId);
    const feed = this.options.feedSignals ? await this.options.feedSignals.forBuyer(db, workspaceId, buyerId) : NO_FEED;
    const record = toBuyerRecord(row);
    const shared = settings.shareSignals ? await sharedSignals(db, workspaceId, buyerId) : null;
    const credit = assessBuyerCredit({ record, shared, feed });
    return {
      buyerId,
      ...credit,
      record,
      shared,
      feed,
      legal: {
        fraudAmountFen: record.fraudAmountFen,
        flags: evaluateLegalThresholds(record.fraudAmountFen, settings.thresholds),
      },
    };
  }
}

/**
 * What other workspaces that share know of this buyer: their records for the buyer with the same identity HMAC,
 * summed into counts, and the lowest score their own records give. Nothing else leaves those workspaces: no buyer or
 * claim ids, no contact data, no photos, no shop names.
 */
async function sharedSignals(db: Kysely<Database>, workspaceId: string, buyerId: string): Promise<SharedBuyerSignals> {
  const rows = await db
    .selectFrom('buyers as me')
    .innerJoin('buyers as other', 'other.identity_hmac', 'me.identity_hmac')
    .innerJoin('trust_settings as ts', 'ts.workspace_id', 'other.workspace_id')
    .innerJoin('buyer_records as r', (join) =>
      join.onRef('r.workspace_id', '=', 'other.workspace_id').onRef('r.buyer_id', '=', 'other.id'),
    )
    .selectAll('r')
    .where('me.workspace_id', '=', workspaceId)
    .where('me.id', '=', buyerId)
    .where('other.workspace_id', '!=', workspaceId)
    .where('ts.share_signals', '=', 1)
    .execute();
  let lowestScore: number | null = null;
  const sum = { claimsFiled: 0, approved: 0, rejectedFraud: 0, rejectedOther: 0 };
  for (const row of rows) {
    const record = toBuyerRecord(row);
    sum.claimsFiled += record.claimsFiled;
    sum.approved += record.approved;
    sum.rejectedFraud += record.rejectedFraud;
    sum.rejectedOther += record.rejectedOther;
    const { score } = assessBuyerCredit({ record, shared: null, feed: NO_FEED });
    lowestScore = lowestScore === null ? score : Math.min(lowestScore, score);
  }
  return { shops: rows.length, ...sum, lowestScore };
}
