import type { Bilingual } from '@proofdesk/domain';
import type { PackageFacts } from './package-facts.js';
import { CLAIM_STATUS_TEXT, CLAIM_TYPE_TEXT, shanghaiTime, T, yuan } from './package-text.js';
import type { PdfWriter } from './pdf-writer.js';

/** A legal reference flag as the package prints it: what it suggests, and the rules behind it with their sources. */
export interface PackageLegalFlag {
  readonly code: string;
  readonly text: Bilingual;
  readonly rules: readonly { readonly text: Bilingual; readonly source: Bilingual }[];
}

const BAND_TEXT: Readonly<Record<string, Bilingual>> = {
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  watch: { zh: '需关注', en: 'Watch' },
  high_risk: { zh: '高风险', en: 'High risk' },
};

/** The buyer's credit as the credit service explains it (score, factors, legal flags), when it is available. */
export interface PackageBuyerCredit {
  readonly score: number;
  readonly band: string;
  readonly factors: readonly { readonly code: string; readonly points: number; readonly text: Bilingual }[];
  readonly legal: { readonly fraudAmountFen: number; readonly flags: readonly PackageLegalFlag[] };
}

/** Section 5: the credit with its factors and legal flags (when known), then the buyer's claims in this workspace. */
export function renderBuyerHistory(w: PdfWriter, facts: PackageFacts, credit: PackageBuyerCredit | null): void {
  const lang = w.lang;
  w.newPage();
  w.heading(T.buyerHistory[lang]);
  if (!facts.claim.buyerId) {
    w.paragraph(T.noBuyer[lang]);
    return;
  }
  if (credit) {
    w.kv([
      [T.creditScore, `${credit.score} / 100 · ${BAND_TEXT[credit.band]?.[lang] ?? credit.band}`],
      [T.fraudAmount, yuan(credit.legal.fraudAmountFen)],
    ]);
    if (credit.factors.length)
      w.table(
        [
          { header: lang === 'zh' ? '因素' : 'Factor', width: 0.82 },
          { header: lang === 'zh' ? '分值' : 'Points', width: 0.18 },
        ],
        credit.factors.map((f) => [f.text[lang], `${f.points > 0 ? '+' : ''}${f.points}`]),
        8.5,
      );
    w.subheading(T.legalFlags[lang], 10);
    if (credit.legal.flags.length === 0) w.paragraph(T.noLegalFlags[lang]);
    for (const flag of credit.legal.flags) {
      w.paragraph(flag.text[lang], 9.5);
      for (const rule of flag.rules) w.note(`${rule.source[lang]}: ${rule.text[lang]}`);
    }
    w.note(T.flagsSuggest[lang]);
  }
  w.note(T.historyFallback[lang]);
  const fraudFen = facts.buyerClaims
    .filter(
      (c) =>
        c.outcome === 'rejected' && ['evidence_forged', 'ai_generated', 'evidence_reused'].includes(c.reasonCode ?? ''),
    )
    .reduce((sum, c) => sum + c.amountFen, 0);
  if (!credit)
    w.kv(
      [
        [
          { zh: '以伪造证据等理由驳回的申请金额合计', en: 'Total claimed in claims rejected as fraudulent' },
          yuan(fraudFen),
        ],
      ],
      200,
    );
  w.table(
    [
      { header: lang === 'zh' ? '售后单号' : 'Claim', width: 0.27 },
      { header: T.filedAt[lang], width: 0.2 },
      { header: T.type[lang], width: 0.12 },
      { header: T.status[lang], width: 0.12 },
      { header: T.amount[lang], width: 0.11 },
      { header: `${T.decision[lang]} / ${T.reasonCode[lang]}`, width: 0.18 },
    ],
    facts.buyerClaims.map((c) => [
      c.id === facts.claim.id ? `${c.id} *` : c.id,
      shanghaiTime(c.createdAt) ?? '',
      CLAIM_TYPE_TEXT[c.type as keyof typeof CLAIM_TYPE_TEXT]?.[lang] ?? c.type,
      CLAIM_STATUS_TEXT[c.status as keyof typeof CLAIM_STATUS_TEXT]?.[lang] ?? c.status,
      yuan(c.amountFen),
      c.outcome ? `${c.outcome} · ${c.reasonCode ?? ''}` : '—',
    ]),
  );
  w.note(lang === 'zh' ? '* 为本售后单。' : '* marks this claim.');
}

/** Section 6: the chain verification result, then every audit event of this claim. */
export function renderAuditTrail(w: PdfWriter, facts: PackageFacts, signingKeyFingerprint: string): void {
  const lang = w.lang;
  const { chain, chainHead } = facts;
  w.newPage();
  w.heading(T.auditTrail[lang]);
  const verdict = chain.ok
    ? lang === 'zh'
      ? `${T.chainOk.zh}：本商家审计链共 ${chain.checked} 条记录，逐条哈希衔接，链尾与记录的链头一致。`
      : `${T.chainOk.en}: all ${chain.checked} events of this merchant's chain link hash to hash and end at the recorded head.`
    : `${T.chainBroken[lang]}: #${chain.firstBreak?.seq} ${chain.firstBreak?.text[lang] ?? ''}`;
  w.paragraph(verdict);
  w.kv([[T.chainHead, `#${chainHead.seq} ${chainHead.hash}`]]);
  w.table(
    [
      { header: '#', width: 0.05 },
      { header: T.time[lang], width: 0.17 },
      { header: T.actor[lang], width: 0.2 },
      { header: T.action[lang], width: 0.21 },
      { header: lang === 'zh' ? '内容 / 哈希' : 'Data / hash', width: 0.37 },
    ],
    facts.audit.map((e) => [
      String(e.seq),
      shanghaiTime(e.at) ?? e.at,
      e.actor,
      e.action,
      `${summarise(e.data)}\n${e.hash.slice(0, 16)}…`,
    ]),
  );
  w.note(
    lang === 'zh'
      ? '每条记录的哈希覆盖其内容和上一条记录的哈希；完整记录（含数据与哈希）见 ZIP 中的 audit.json。'
      : "Each event's hash covers its content and the previous event's hash; the full events (data and hashes) are in audit.json in the ZIP.",
  );
  w.kv([[T.signingKey, signingKeyFingerprint]]);
  w.note(T.signingKeyNote[lang]);
}

function summarise(data: unknown): string {
  const text = JSON.stringify(data) ?? '';
  return text.length > 220 ? `${text.slice(0, 220)}…` : text;
}
