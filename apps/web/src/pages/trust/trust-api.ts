/** Trust types and texts shared by the credit panel and the trust pages (issue 7). */
import type { Schemas } from '../../api/client';

export type BuyerCredit = Schemas['BuyerCredit'];
export type LegalFlag = Schemas['LegalFlag'];
export type TrustSettings = Schemas['TrustSettings'];
export type LegalThresholds = Schemas['LegalThresholds'];
export type FlaggedBuyer = Schemas['FlaggedBuyer'];
type Text = { readonly zh: string; readonly en: string };

export const BAND_TEXT: Readonly<Record<BuyerCredit['band'], Text>> = {
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  watch: { zh: '需关注', en: 'Watch' },
  high_risk: { zh: '高风险', en: 'High risk' },
};

export const BAND_COLOUR: Readonly<Record<BuyerCredit['band'], string>> = {
  good: 'green',
  fair: 'blue',
  watch: 'orange',
  high_risk: 'red',
};

export const FLAG_TEXT: Readonly<Record<LegalFlag['code'], Text>> = {
  administrative: { zh: '治安管理处罚范围', en: 'Administrative range' },
  criminal_large: { zh: '可能达“数额较大”', en: 'May reach “relatively large”' },
  criminal_huge: { zh: '可能达“数额巨大”', en: 'May reach “huge”' },
  criminal_especially_huge: { zh: '可能达“数额特别巨大”', en: 'May reach “especially huge”' },
};

/** ¥ with two decimals and thousands separators. */
export const yuanText = (fen: number): string =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
