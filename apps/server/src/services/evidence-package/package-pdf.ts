import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { FINDING_CATALOGUE, type FindingCode, type PhotoReport } from '@proofdesk/forensics';
import type { Bilingual } from '@proofdesk/domain';
import type { Evidence } from '../../adapters/db/evidence.repository.js';
import type { PackageFacts } from './package-facts.js';
import type { FigureImage, PhotoFigures } from './package-figures.js';
import { renderBuyerHistory, renderAuditTrail, type PackageBuyerCredit } from './package-pdf-sections.js';
import {
  byteSize,
  CLAIM_STATUS_TEXT,
  CLAIM_TYPE_TEXT,
  shanghaiTime,
  T,
  yuan,
  type PackageLang,
} from './package-text.js';
import { PdfWriter } from './pdf-writer.js';

/** What the PDF is made of. */
export interface PdfInput {
  readonly facts: PackageFacts;
  readonly figures: ReadonlyMap<string, PhotoFigures>;
  readonly credit: PackageBuyerCredit | null;
  readonly lang: PackageLang;
  /** ISO instant the package was generated. */
  readonly generatedAt: string;
  /** Fingerprint of the workspace's package-signing key (the ZIP's `manifest.sig`). */
  readonly signingKeyFingerprint: string;
}

interface Fonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

let fonts: Promise<Fonts> | undefined;

/**
 * Noto Sans SC regular and bold from the npm package (no system fonts), read once per process. pdfkit embeds only
 * the glyphs a document uses.
 */
function loadFonts(): Promise<Fonts> {
  fonts ??= (async () => {
    const require = createRequire(import.meta.url);
    const [regular, bold] = await Promise.all([
      readFile(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
      readFile(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
    ]);
    return { regular, bold };
  })();
  fonts.catch(() => (fonts = undefined));
  return fonts;
}

/**
 * Lays out the evidence package PDF (A4): case summary, order and delivery, every evidence photo with its hash,
 * metadata, verdict and findings (with their figures), provenance, the merchant's side, the buyer's history, the
 * audit trail with the chain verification, and what the findings mean; page numbers and the generation time in
 * Beijing time on every page.
 * @returns the PDF bytes
 */
export async function renderPackagePdf(input: PdfInput): Promise<Buffer> {
  const { regular, bold } = await loadFonts();
  const { facts, lang } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    info: {
      Title: `${T.title[lang]} ${facts.claim.id}`,
      Author: facts.workspace.name,
      Subject: facts.claim.id,
      Creator: 'Proofdesk',
      Producer: 'Proofdesk (pdfkit)',
      CreationDate: new Date(input.generatedAt),
    },
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const w = new PdfWriter(doc, lang);

  cover(w, input);
  photos(w, input);
  merchantSide(w, input);
  renderBuyerHistory(w, facts, input.credit);
  renderAuditTrail(w, facts, input.signingKeyFingerprint);
  meaning(w, facts);
  w.footers(`${facts.claim.id} · ${T.generatedAt[lang]} ${shanghaiTime(input.generatedAt)}`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function cover(w: PdfWriter, { facts, lang, generatedAt, signingKeyFingerprint }: PdfInput): void {
  const { claim, order } = facts;
  w.title(T.title[lang], T.subtitle[lang]);
  w.kv([
    [T.workspace, facts.workspace.name],
    [T.generatedAt, shanghaiTime(generatedAt)],
    [T.signingKey, signingKeyFingerprint],
  ]);
  w.heading(T.caseSummary[lang]);
  const decision = claim.decision;
  w.kv([
    [T.claimId, claim.id],
    [T.type, CLAIM_TYPE_TEXT[claim.type][lang]],
    [T.status, CLAIM_STATUS_TEXT[claim.status][lang]],
    [T.amount, yuan(claim.amountFen)],
    [T.reason, claim.reason],
    [T.filedAt, shanghaiTime(claim.createdAt)],
    [T.risk, claim.riskScore === null ? null : claim.riskScore.toFixed(2)],
    [T.decision, decision ? outcomeText(decision.outcome)[lang] : T.notDecided[lang]],
    ...(decision
      ? ([
          [T.reasonCode, decision.reasonCode],
          [T.decisionNote, decision.note],
          [T.approvedAmount, decision.approvedAmountFen === null ? null : yuan(decision.approvedAmountFen)],
          [T.decidedBy, `${decision.decidedBy ?? ''} · ${shanghaiTime(decision.decidedAt) ?? ''}`],
        ] as const)
      : []),
    ...(claim.appealReason ? ([[T.appeal, claim.appealReason]] as const) : []),
  ]);
  w.heading(T.orderFacts[lang]);
  if (!order) w.paragraph(T.noOrder[lang]);
  else
    w.kv([
      [T.platform, order.platform],
      [T.orderId, order.platformOrderId],
      [T.product, order.product ? `${order.product.name} (${order.product.sku})` : null],
      [T.orderAmount, yuan(order.amountFen)],
      [T.orderedAt, shanghaiTime(order.orderedAt)],
      [T.shippedAt, shanghaiTime(order.shippedAt)],
      [T.deliveredAt, shanghaiTime(order.deliveredAt)],
    ]);
  w.note(T.meaningText[lang]);
}

function outcomeText(outcome: string): Bilingual {
  return outcome in CLAIM_STATUS_TEXT
    ? CLAIM_STATUS_TEXT[outcome as keyof typeof CLAIM_STATUS_TEXT]
    : { zh: outcome, en: outcome };
}

function photos(w: PdfWriter, { facts, figures, lang }: PdfInput): void {
  w.newPage();
  w.heading(T.evidencePhotos[lang]);
  if (facts.evidence.length === 0) w.paragraph(T.noEvidence[lang]);
  facts.evidence.forEach((evidence, i) => {
    if (i > 0) w.newPage();
    photo(
      w,
      evidence,
      `${T.photo[lang]} ${i + 1}/${facts.evidence.length}`,
      figures.get(evidence.id),
      facts.references,
    );
  });
}

/** One photo: its thumbnail, file facts, verdict, findings with figures, and provenance. */
function photo(
  w: PdfWriter,
  evidence: Evidence,
  label: string,
  figures: PhotoFigures | undefined,
  references: PackageFacts['references'],
) {
  const lang = w.lang;
  const report = evidence.report;
  w.subheading(`${label}: ${evidence.filename}`);
  if (figures?.photo)
    w.images([{ picture: figures.photo, caption: { zh: evidence.filename, en: evidence.filename } }], 260);
  else w.note(T.noPicture[lang]);
  w.kv([
    [{ zh: 'SHA-256', en: 'SHA-256' }, evidence.sha256],
    [T.fileName, evidence.filename],
    [T.size, `${byteSize(evidence.bytes)} (${evidence.bytes.toLocaleString('en-US')} B)`],
    [T.pixels, report ? `${report.format.toUpperCase()} ${report.width}×${report.height}` : null],
    [T.uploadedAt, shanghaiTime(evidence.createdAt)],
    [T.capture, report ? captureText(report) : null],
    [
      T.verdict,
      report
        ? `${verdictText(report.verdict)[lang]} · ${report.score.toFixed(2)}`
        : `${T.pending[lang]} (${evidence.status})`,
    ],
  ]);
  if (!report) return;
  if (report.findings.length === 0) w.paragraph(T.noFindings[lang]);
  report.findings.forEach((finding, i) => {
    w.finding(
      `${i + 1}. ${finding.title[lang]}`,
      `${finding.code} · ${severityText(finding.severity)[lang]} · ${finding.score.toFixed(2)}`,
      namedReference(finding.detail[lang], finding.ref?.file, references),
      `${T.doesNotMean[lang]}: ${FINDING_CATALOGUE[finding.code]?.doesNotMean[lang] ?? ''}`,
    );
    const images: readonly FigureImage[] = figures?.findings[i] ?? [];
    if (images.length) w.images(images, 200);
  });
  provenance(w, report, lang);
}

/** A finding's text names a reference photo by its id; the package adds the photo's file name, as in the ZIP. */
function namedReference(text: string, id: string | undefined, references: PackageFacts['references']): string {
  const ref = id ? references.get(id) : undefined;
  return ref ? text.split(ref.id).join(`${ref.filename} (${ref.id})`) : text;
}

function provenance(w: PdfWriter, report: PhotoReport, lang: PackageLang): void {
  const f = report.facts;
  const entries: [string, unknown][] = [
    ['C2PA', f.c2pa],
    [lang === 'zh' ? 'AIGC 隐式标识（GB 45438-2025）' : 'AIGC implicit label (GB 45438-2025)', f.aigcLabel],
    ['IPTC DigitalSourceType', f.digitalSourceType],
    [lang === 'zh' ? '生成器参数' : 'Generator parameters', f.generator],
    [lang === 'zh' ? '编辑软件' : 'Software', f.software],
  ];
  const present = entries.filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0));
  w.subheading(T.provenance[lang], 10);
  if (present.length === 0) w.note(T.noProvenance[lang]);
  else w.kv(present.map(([k, v]) => [{ zh: k, en: k }, compact(v, 700)] as const));
}

function merchantSide(w: PdfWriter, { facts, figures, lang }: PdfInput): void {
  w.newPage();
  w.heading(T.merchantSide[lang]);
  w.subheading(T.statement[lang], 10);
  w.paragraph(facts.claim.merchantStatement ?? T.noStatement[lang]);
  if (facts.counterEvidence.length === 0) w.note(T.noCounter[lang]);
  facts.counterEvidence.forEach((evidence, i) =>
    photo(
      w,
      evidence,
      `${T.counterPhoto[lang]} ${i + 1}/${facts.counterEvidence.length}`,
      figures.get(evidence.id),
      facts.references,
    ),
  );
}

function meaning(w: PdfWriter, facts: PackageFacts): void {
  const lang = w.lang;
  w.newPage();
  w.heading(T.meaning[lang]);
  w.paragraph(T.meaningText[lang]);
  const codes = new Set<FindingCode>();
  for (const e of [...facts.evidence, ...facts.counterEvidence])
    for (const f of e.report?.findings ?? []) codes.add(f.code);
  for (const code of codes) {
    const entry = FINDING_CATALOGUE[code];
    if (!entry) continue;
    w.finding(entry.title[lang], code, entry.means[lang], `${T.doesNotMean[lang]}: ${entry.doesNotMean[lang]}`);
  }
}

function captureText(report: PhotoReport): string | null {
  const f = report.facts;
  const parts = [
    f.camera ? [f.camera.make, f.camera.model].filter(Boolean).join(' ') : '',
    f.captureTime ? compact(f.captureTime, 240) : '',
  ].filter((p) => p !== '');
  return parts.length ? parts.join(' · ') : null;
}

/** JSON of a value on one line, cut to `max` characters. */
export function compact(value: unknown, max: number): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function verdictText(verdict: string): Bilingual {
  const map: Record<string, Bilingual> = {
    clean: { zh: '未见异常', en: 'Clean' },
    suspicious: { zh: '可疑', en: 'Suspicious' },
    forged: { zh: '伪造', en: 'Forged' },
    error: { zh: '无法分析', en: 'Could not be analysed' },
  };
  return map[verdict] ?? { zh: verdict, en: verdict };
}

function severityText(severity: string): Bilingual {
  const map: Record<string, Bilingual> = {
    info: { zh: '提示', en: 'info' },
    warn: { zh: '注意', en: 'warn' },
    high: { zh: '严重', en: 'high' },
  };
  return map[severity] ?? { zh: severity, en: severity };
}
