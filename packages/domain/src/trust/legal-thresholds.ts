import { errors, type Bilingual } from '../errors.js';

/**
 * Legal thresholds (issue 7, docs/credit.md): where a buyer's cumulative amount on claims confirmed fraudulent may
 * reach the ranges a merchant's lawyer cares about. The flags suggest; they never accuse — whether conduct is fraud is
 * for the police, the procuratorate and the courts, and the exact criminal threshold is set by each province within
 * the range of the 2011 interpretation. Amounts in fen.
 */

/** A workspace's thresholds, in fen. Each tier starts at its amount (at or over). */
export interface LegalThresholdSettings {
  /** Lower end of the administrative range (Public Security Administration Punishment Law), default 1 fen (> 0). */
  readonly administrativeMinFen: number;
  /** "数额较大" — the criminal threshold the workspace's province applies; default ¥3,000. */
  readonly criminalMinFen: number;
  /** "数额巨大"; default ¥30,000 (the interpretation's range is ¥30,000–100,000). */
  readonly largeMinFen: number;
  /** "数额特别巨大"; default ¥500,000. */
  readonly hugeMinFen: number;
}

export const DEFAULT_LEGAL_THRESHOLDS: LegalThresholdSettings = {
  administrativeMinFen: 1,
  criminalMinFen: 300_000,
  largeMinFen: 3_000_000,
  hugeMinFen: 50_000_000,
};

export const LEGAL_FLAG_CODES = [
  'administrative',
  'criminal_large',
  'criminal_huge',
  'criminal_especially_huge',
] as const;
export type LegalFlagCode = (typeof LEGAL_FLAG_CODES)[number];

/** A rule as cited: what it says and where it comes from, both in zh-CN and English. */
export interface LegalRule {
  readonly text: Bilingual;
  readonly source: Bilingual;
}

export interface LegalFlag {
  readonly code: LegalFlagCode;
  /** The buyer's cumulative amount on confirmed-fraud claims. */
  readonly amountFen: number;
  /** The configured amount this tier starts at. */
  readonly thresholdFen: number;
  /** What the flag suggests ("may reach … consult counsel"). */
  readonly text: Bilingual;
  /** The rules behind it, with their sources. */
  readonly rules: readonly LegalRule[];
}

/** Criminal Law of the PRC, art. 266 (fraud), text as in force since the 1997 revision. */
export const CRIMINAL_LAW_ART_266: LegalRule = {
  text: {
    zh: '诈骗公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金；数额巨大或者有其他严重情节的，处三年以上十年以下有期徒刑，并处罚金；数额特别巨大或者有其他特别严重情节的，处十年以上有期徒刑或者无期徒刑，并处罚金或者没收财产。',
    en: 'Whoever defrauds public or private property of a relatively large amount shall be sentenced to fixed-term imprisonment of not more than three years, criminal detention or public surveillance, and a fine, or a fine only; of a huge amount or with other serious circumstances, three to ten years and a fine; of an especially huge amount or with other especially serious circumstances, ten years or more or life imprisonment, and a fine or confiscation of property.',
  },
  source: { zh: '《中华人民共和国刑法》第二百六十六条', en: 'Criminal Law of the PRC, art. 266' },
};

/** SPC/SPP interpretation on fraud cases (法释〔2011〕7号), art. 1. */
export const FRAUD_INTERPRETATION_2011_ART_1: LegalRule = {
  text: {
    zh: '诈骗公私财物价值三千元至一万元以上、三万元至十万元以上、五十万元以上的，应当分别认定为刑法第二百六十六条规定的“数额较大”、“数额巨大”、“数额特别巨大”。各省、自治区、直辖市高级人民法院、人民检察院可以结合本地区经济社会发展状况，在前款规定的数额幅度内，共同研究确定本地区执行的具体数额标准，报最高人民法院、最高人民检察院备案。',
    en: 'Fraud of property worth ¥3,000–10,000 or more, ¥30,000–100,000 or more, and ¥500,000 or more is respectively a "relatively large", "huge" and "especially huge" amount under art. 266 of the Criminal Law. The higher people\'s courts and procuratorates of each province, autonomous region and municipality set the exact figures applied in their region within these ranges, filed with the SPC and SPP.',
  },
  source: {
    zh: '最高人民法院、最高人民检察院《关于办理诈骗刑事案件具体应用法律若干问题的解释》（法释〔2011〕7号）第一条',
    en: 'SPC & SPP, Interpretation on Several Issues of the Specific Application of Law in Handling Criminal Cases of Fraud (Fa Shi [2011] No. 7), art. 1',
  },
};

/** Public Security Administration Punishment Law, fraud article, as cited (2012 amended text, art. 49). */
export const PSAPL_FRAUD_ARTICLE: LegalRule = {
  text: {
    zh: '盗窃、诈骗、哄抢、抢夺、敲诈勒索或者故意损毁公私财物的，处五日以上十日以下拘留，可以并处五百元以下罚款；情节较重的，处十日以上十五日以下拘留，可以并处一千元以下罚款。',
    en: 'Whoever steals, defrauds, loots, snatches, extorts or intentionally damages public or private property shall be detained for five to ten days and may also be fined up to ¥500; in more serious cases, detained for ten to fifteen days and may also be fined up to ¥1,000.',
  },
  source: {
    zh: '《中华人民共和国治安管理处罚法》第四十九条（2012年修正文本；2025年修订后条文序号与罚款数额有变化，请以现行文本为准）',
    en: 'Public Security Administration Punishment Law of the PRC, art. 49 (2012 amended text; the 2025 revision renumbers the article and changes the fines — check the text in force)',
  },
};

const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Checks a workspace's thresholds: integers in fen, administrative ≥ 1 and each tier above the one before.
 * @throws {DomainError} `invalid_input` naming the first bad field
 */
export function validateLegalThresholds(settings: LegalThresholdSettings): LegalThresholdSettings {
  const order: (keyof LegalThresholdSettings)[] = [
    'administrativeMinFen',
    'criminalMinFen',
    'largeMinFen',
    'hugeMinFen',
  ];
  let previous = 0;
  for (const key of order) {
    const value = settings[key];
    if (!Number.isSafeInteger(value) || value <= previous)
      throw errors.invalidInput(key, {
        zh: `须为大于 ${previous} 分的整数（各档金额须逐级递增）`,
        en: `must be an integer above ${previous} fen (each tier above the one before)`,
      });
    previous = value;
  }
  return settings;
}

/**
 * The flag for a cumulative confirmed-fraud amount: the highest tier reached (at or over its threshold), or none for
 * zero. Returned as a list so further rules (e.g. repeated-conduct counts) can join without changing callers.
 * @example evaluateLegalThresholds(299_999, DEFAULT_LEGAL_THRESHOLDS)[0].code // 'administrative'
 * @example evaluateLegalThresholds(300_000, DEFAULT_LEGAL_THRESHOLDS)[0].code // 'criminal_large'
 */
export function evaluateLegalThresholds(fraudAmountFen: number, settings: LegalThresholdSettings): LegalFlag[] {
  const amount = yuan(fraudAmountFen);
  const counsel = {
    zh: '此提示仅供参考，并非认定违法或犯罪；是否立案由公安机关决定，请咨询律师。',
    en: 'This is a pointer, not a finding of any offence; whether a case is opened is for the police. Consult counsel.',
  };
  if (fraudAmountFen >= settings.hugeMinFen)
    return [
      {
        code: 'criminal_especially_huge',
        amountFen: fraudAmountFen,
        thresholdFen: settings.hugeMinFen,
        text: {
          zh: `确认造假的申请累计金额 ¥${amount}，可能达到诈骗罪“数额特别巨大”标准（本工作区设定 ¥${yuan(settings.hugeMinFen)}）。${counsel.zh}`,
          en: `Claims confirmed as fraud total ¥${amount}, which may reach the "especially huge amount" of fraud (set here at ¥${yuan(settings.hugeMinFen)}). ${counsel.en}`,
        },
        rules: [CRIMINAL_LAW_ART_266, FRAUD_INTERPRETATION_2011_ART_1],
      },
    ];
  if (fraudAmountFen >= settings.largeMinFen)
    return [
      {
        code: 'criminal_huge',
        amountFen: fraudAmountFen,
        thresholdFen: settings.largeMinFen,
        text: {
          zh: `确认造假的申请累计金额 ¥${amount}，可能达到诈骗罪“数额巨大”标准（本工作区设定 ¥${yuan(settings.largeMinFen)}）。${counsel.zh}`,
          en: `Claims confirmed as fraud total ¥${amount}, which may reach the "huge amount" of fraud (set here at ¥${yuan(settings.largeMinFen)}). ${counsel.en}`,
        },
        rules: [CRIMINAL_LAW_ART_266, FRAUD_INTERPRETATION_2011_ART_1],
      },
    ];
  if (fraudAmountFen >= settings.criminalMinFen)
    return [
      {
        code: 'criminal_large',
        amountFen: fraudAmountFen,
        thresholdFen: settings.criminalMinFen,
        text: {
          zh: `确认造假的申请累计金额 ¥${amount}，可能达到诈骗罪“数额较大”的立案标准（本工作区设定 ¥${yuan(settings.criminalMinFen)}；具体标准由各省在 ¥3,000–10,000 幅度内确定）。${counsel.zh}`,
          en: `Claims confirmed as fraud total ¥${amount}, which may reach the "relatively large amount" of fraud (set here at ¥${yuan(settings.criminalMinFen)}; each province fixes the figure within ¥3,000–10,000). ${counsel.en}`,
        },
        rules: [CRIMINAL_LAW_ART_266, FRAUD_INTERPRETATION_2011_ART_1],
      },
    ];
  if (fraudAmountFen >= settings.administrativeMinFen)
    return [
      {
        code: 'administrative',
        amountFen: fraudAmountFen,
        thresholdFen: settings.administrativeMinFen,
        text: {
          zh: `确认造假的申请累计金额 ¥${amount}，低于本工作区设定的刑事标准 ¥${yuan(settings.criminalMinFen)}，可能属于治安管理处罚的范围。${counsel.zh}`,
          en: `Claims confirmed as fraud total ¥${amount}, below the criminal threshold set here (¥${yuan(settings.criminalMinFen)}); this may fall under administrative (public security) penalties. ${counsel.en}`,
        },
        rules: [PSAPL_FRAUD_ARTICLE, FRAUD_INTERPRETATION_2011_ART_1],
      },
    ];
  return [];
}
