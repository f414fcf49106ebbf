import type { Bilingual } from '../errors.js';
import type { BuyerRecord } from './buyer-record.js';

/**
 * Buyer credit (issue 7, docs/credit.md): a score 0..100 that is the sum of a fixed base and a short list of factors,
 * each with its points and a bilingual reason, so a reviewer sees exactly why a buyer scores what they score. Pure:
 * the record, the shared signals and the feed signals are read by the server and passed in.
 */

/** What other opted-in shops of this installation know of the same buyer: counts only (no shops, claims or photos). */
export interface SharedBuyerSignals {
  /** Other opted-in workspaces that have a record for this buyer. */
  readonly shops: number;
  readonly claimsFiled: number;
  readonly approved: number;
  readonly rejectedFraud: number;
  readonly rejectedOther: number;
  /** The lowest score the other shops' own records give the buyer (their shared and feed signals left out), or null. */
  readonly lowestScore: number | null;
}

/** Confirmed-fraud entries about this buyer in subscribed fraud feeds (de-duplicated, retractions applied). */
export interface FeedBuyerSignalSummary {
  readonly signals: number;
  readonly amountFen: number;
}

export interface BuyerCreditInput {
  /** The buyer's record in this workspace. */
  readonly record: BuyerRecord;
  /** Other opted-in shops' signals; null when this workspace does not share (reciprocity) or none exist. */
  readonly shared: SharedBuyerSignals | null;
  readonly feed: FeedBuyerSignalSummary;
}

export const CREDIT_BANDS = ['good', 'fair', 'watch', 'high_risk'] as const;
export type CreditBand = (typeof CREDIT_BANDS)[number];

export const CREDIT_FACTOR_CODES = [
  'base',
  'approved_claims',
  'confirmed_fraud',
  'fake_photos',
  'rejected_other',
  'withdrawn',
  'many_claims',
  'shared_fraud',
  'shared_rejected',
  'shared_approved',
  'feed_signals',
] as const;
export type CreditFactorCode = (typeof CREDIT_FACTOR_CODES)[number];

export interface CreditFactor {
  readonly code: CreditFactorCode;
  /** Points added (positive) or taken (negative), already capped. */
  readonly points: number;
  readonly text: Bilingual;
}

export interface BuyerCredit {
  /** 0..100, integer. */
  readonly score: number;
  readonly band: CreditBand;
  /** The base first, then every factor that moved the score; the score is their sum clamped to 0..100. */
  readonly factors: readonly CreditFactor[];
}

/** The score of a buyer nobody knows anything about. */
export const CREDIT_BASE_SCORE = 70;
/** Claims filed in the workspace beyond which each further claim costs points. */
export const CREDIT_FREE_CLAIMS = 5;

/** Band lower bounds: good ≥ 80, fair ≥ 60, watch ≥ 40, high risk below. */
export const CREDIT_BAND_FLOORS: Readonly<Record<CreditBand, number>> = { good: 80, fair: 60, watch: 40, high_risk: 0 };

export const CREDIT_BAND_LABELS: Readonly<Record<CreditBand, Bilingual>> = {
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  watch: { zh: '需关注', en: 'Watch' },
  high_risk: { zh: '高风险', en: 'High risk' },
};

/** Points per event and the cap on each factor's total (a factor never moves the score by more than its cap). */
const RULES = {
  approved_claims: { each: 4, cap: 16 },
  confirmed_fraud: { each: -35, cap: -70 },
  fake_photos: { each: -3, cap: -15 },
  rejected_other: { each: -5, cap: -15 },
  withdrawn: { each: -2, cap: -10 },
  many_claims: { each: -2, cap: -10 },
  shared_fraud: { each: -20, cap: -40 },
  shared_rejected: { each: -3, cap: -9 },
  shared_approved: { each: 2, cap: 6 },
  feed_signals: { each: -15, cap: -30 },
} as const satisfies Partial<Record<CreditFactorCode, { each: number; cap: number }>>;

function points(code: keyof typeof RULES, count: number): number {
  const { each, cap } = RULES[code];
  const raw = each * Math.max(0, count);
  return each < 0 ? Math.max(cap, raw) : Math.min(cap, raw);
}

const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The band a score falls in. */
export function creditBand(score: number): CreditBand {
  for (const band of CREDIT_BANDS) if (score >= CREDIT_BAND_FLOORS[band]) return band;
  return 'high_risk';
}

/**
 * Scores a buyer from their record here, other opted-in shops' signals and fraud-feed signals.
 * @example assessBuyerCredit({ record: EMPTY_BUYER_RECORD, shared: null, feed: { signals: 0, amountFen: 0 } }).score // 70
 */
export function assessBuyerCredit(input: BuyerCreditInput): BuyerCredit {
  const { record, shared, feed } = input;
  const factors: CreditFactor[] = [
    {
      code: 'base',
      points: CREDIT_BASE_SCORE,
      text: { zh: '起始分（无任何记录的买家）', en: 'Starting score (a buyer with no history)' },
    },
  ];
  const add = (code: keyof typeof RULES, count: number, text: Bilingual): void => {
    const p = points(code, count);
    if (p !== 0) factors.push({ code, points: p, text });
  };
  add('approved_claims', record.approved, {
    zh: `本店 ${record.approved} 笔售后申请已同意（含部分同意、商家同意、自动同意）`,
    en: `${record.approved} claim(s) approved in this shop (incl. partial, merchant-accepted, automatic)`,
  });
  add('confirmed_fraud', record.rejectedFraud, {
    zh: `本店 ${record.rejectedFraud} 笔申请经审核确认证据造假被驳回，涉及金额 ¥${yuan(record.fraudAmountFen)}`,
    en: `${record.rejectedFraud} claim(s) in this shop rejected as confirmed fraud (faked evidence), ¥${yuan(record.fraudAmountFen)} claimed`,
  });
  add('fake_photos', record.fakePhotos, {
    zh: `这些申请中共 ${record.fakePhotos} 张买家证据照片`,
    en: `${record.fakePhotos} buyer evidence photo(s) on those claims`,
  });
  add('rejected_other', record.rejectedOther, {
    zh: `本店 ${record.rejectedOther} 笔申请因其他原因被驳回（不代表造假）`,
    en: `${record.rejectedOther} claim(s) in this shop rejected for other reasons (not a finding of fraud)`,
  });
  add('withdrawn', record.withdrawn, {
    zh: `本店 ${record.withdrawn} 笔申请由买家撤销`,
    en: `${record.withdrawn} claim(s) in this shop withdrawn by the buyer`,
  });
  add('many_claims', record.claimsFiled - CREDIT_FREE_CLAIMS, {
    zh: `本店共 ${record.claimsFiled} 笔申请，超过 ${CREDIT_FREE_CLAIMS} 笔的部分扣分`,
    en: `${record.claimsFiled} claims in this shop; each beyond ${CREDIT_FREE_CLAIMS} costs points`,
  });
  if (shared) {
    add('shared_fraud', shared.rejectedFraud, {
      zh: `其他 ${shared.shops} 家共享店铺：${shared.rejectedFraud} 笔申请确认造假`,
      en: `${shared.shops} other sharing shop(s): ${shared.rejectedFraud} claim(s) confirmed as fraud`,
    });
    add('shared_rejected', shared.rejectedOther, {
      zh: `其他共享店铺：${shared.rejectedOther} 笔申请因其他原因被驳回`,
      en: `Other sharing shops: ${shared.rejectedOther} claim(s) rejected for other reasons`,
    });
    add('shared_approved', shared.approved, {
      zh: `其他共享店铺：${shared.approved} 笔申请已同意`,
      en: `Other sharing shops: ${shared.approved} claim(s) approved`,
    });
  }
  add('feed_signals', feed.signals, {
    zh: `订阅的欺诈信息源中有 ${feed.signals} 条该买家的确认欺诈记录，涉及金额 ¥${yuan(feed.amountFen)}`,
    en: `${feed.signals} confirmed-fraud entr(ies) about this buyer in subscribed fraud feeds, ¥${yuan(feed.amountFen)}`,
  });
  const sum = factors.reduce((total, f) => total + f.points, 0);
  const score = Math.min(100, Math.max(0, Math.round(sum)));
  return { score, band: creditBand(score), factors };
}
