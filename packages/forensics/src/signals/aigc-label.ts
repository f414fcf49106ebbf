import { XMP_NS, readXmpProperty } from '../containers/xmp.js';
import { makeFinding } from '../finding.js';
import type { Finding } from '../report.js';
import { text } from '../text.js';
import { NOTHING, type Signal, type SignalContext, type SignalResult } from './signal.js';

/** The keys GB 45438-2025 (and its practice guide TC260-PG-20253A) define for the implicit metadata label. */
export const AIGC_LABEL_KEYS = [
  'Label',
  'ContentProducer',
  'ProduceID',
  'ReservedCode1',
  'ContentPropagator',
  'PropagateID',
  'ReservedCode2',
] as const;

/** Where a label was found. */
export type AigcLabelSource = 'xmp' | 'png_text' | 'exif_user_comment';

/** A parsed AIGC implicit label, with the compliance problems found while parsing it leniently. */
export interface AigcLabel {
  readonly source: AigcLabelSource;
  readonly raw: string;
  /** The `Label` value as written (e.g. "1"), when any. */
  readonly label?: string;
  /** 'generated' (1), 'possibly' (2), 'suspected' (3), 'declared' (a non-standard value that still declares AI), 'unknown'. */
  readonly meaning: 'generated' | 'possibly' | 'suspected' | 'declared' | 'unknown';
  readonly fields: Readonly<Record<string, string>>;
  /** Problems against the standard; empty when the label conforms. */
  readonly compliance: readonly string[];
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Parses JSON leniently: strict first, then with single quotes and unquoted keys repaired, then key/value regexes. */
function lenientObject(raw: string): { fields: Record<string, unknown>; problems: string[] } {
  const trimmed = raw.trim();
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return { fields: parsed as Record<string, unknown>, problems: [] };
    return { fields: { Label: parsed }, problems: ['value is JSON but not an object'] };
  } catch {
    const fields: Record<string, unknown> = {};
    for (const m of trimmed.matchAll(
      /["']?([A-Za-z][A-Za-z0-9]*)["']?\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|([^,;}\s]+))/g,
    )) {
      fields[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
    }
    if (Object.keys(fields).length > 0) return { fields, problems: ['value is not valid JSON'] };
    return { fields: trimmed ? { Label: trimmed } : {}, problems: ['value is not valid JSON'] };
  }
}

/**
 * Parses the value of a `TC260:AIGC` property, PNG `AIGC` chunk or UserComment wrapper. Lenient: accepts
 * non-conforming labels (numbers instead of strings, `Label: "AIGC"`, broken JSON) and records each deviation
 * in `compliance`. Returns undefined when the value carries no label at all.
 */
export function parseAigcLabel(raw: string, source: AigcLabelSource): AigcLabel | undefined {
  const { fields: parsed, problems } = lenientObject(raw);
  // A UserComment wrapper nests the label: {"AIGC": {...}}.
  const inner = parsed.AIGC ?? parsed.aigc ?? parsed.TC260 ?? undefined;
  const object =
    inner && typeof inner === 'object'
      ? (inner as Record<string, unknown>)
      : typeof inner === 'string'
        ? lenientObject(inner).fields
        : parsed;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined && v !== null) fields[k] = stringify(v);
  const compliance = [...problems];
  const labelKey = Object.keys(fields).find((k) => k.toLowerCase() === 'label');
  if (labelKey && labelKey !== 'Label') compliance.push(`key "${labelKey}" should be "Label"`);
  const label = labelKey ? fields[labelKey]!.trim() : undefined;
  if (label === undefined && Object.keys(fields).length === 0) return undefined;
  for (const key of ['Label', 'ContentProducer', 'ProduceID'] as const) {
    if (!Object.keys(fields).some((k) => k.toLowerCase() === key.toLowerCase()))
      compliance.push(`required key "${key}" is missing`);
  }
  for (const key of Object.keys(fields)) {
    if (!AIGC_LABEL_KEYS.some((k) => k.toLowerCase() === key.toLowerCase())) compliance.push(`unknown key "${key}"`);
  }
  if (labelKey && typeof object[labelKey] !== 'string') compliance.push('Label should be a string ("1", "2" or "3")');
  let meaning: AigcLabel['meaning'];
  if (label === '1') meaning = 'generated';
  else if (label === '2') meaning = 'possibly';
  else if (label === '3') meaning = 'suspected';
  else if (label && /^(aigc|ai|true|yes|generated|ai[-_ ]?generated|是)$/i.test(label)) meaning = 'declared';
  else meaning = 'unknown';
  if (label !== undefined && !['1', '2', '3'].includes(label))
    compliance.push(`Label "${label}" is not one of "1", "2", "3"`);
  return {
    source,
    raw: raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw,
    ...(label !== undefined ? { label } : {}),
    meaning,
    fields,
    compliance,
  };
}

/** Finds every AIGC label in a photo's metadata. */
export function findAigcLabels(ctx: Pick<SignalContext, 'meta' | 'pngText'>): AigcLabel[] {
  const labels: AigcLabel[] = [];
  for (const value of readXmpProperty(ctx.meta.xmp, XMP_NS.tc260, 'AIGC')) {
    const label = parseAigcLabel(value, 'xmp');
    if (label) labels.push(label);
  }
  for (const chunk of ctx.pngText) {
    if (chunk.keyword.trim().toUpperCase() !== 'AIGC') continue;
    const label = parseAigcLabel(chunk.text, 'png_text');
    if (label) labels.push(label);
  }
  const comment = ctx.meta.exif.UserComment;
  if (typeof comment === 'string' && /["']?(AIGC|TC260)["']?\s*:/i.test(comment)) {
    const label = parseAigcLabel(comment, 'exif_user_comment');
    if (label) labels.push(label);
  }
  return labels;
}

const MEANING = {
  generated: {
    strength: 1,
    severity: 'high',
    zh: '属于 AI 生成合成内容（Label=1）',
    en: 'is AI-generated or synthesised (Label=1)',
  },
  possibly: {
    strength: 0.8,
    severity: 'high',
    zh: '可能为 AI 生成合成内容（Label=2）',
    en: 'is possibly AI-generated (Label=2)',
  },
  suspected: {
    strength: 0.6,
    severity: 'warn',
    zh: '疑似 AI 生成合成内容（Label=3）',
    en: 'is suspected to be AI-generated (Label=3)',
  },
  declared: {
    strength: 0.9,
    severity: 'high',
    zh: '为 AI 生成内容（非标准取值）',
    en: 'is AI-generated (non-standard value)',
  },
  unknown: {
    strength: 0.5,
    severity: 'warn',
    zh: '含义不明（取值不符合标准）',
    en: 'has an unknown meaning (value outside the standard)',
  },
} as const;

const SOURCE = {
  xmp: { zh: 'XMP 属性 TC260:AIGC', en: 'XMP property TC260:AIGC' },
  png_text: { zh: 'PNG 文本块 AIGC', en: 'PNG text chunk AIGC' },
  exif_user_comment: { zh: 'EXIF UserComment', en: 'EXIF UserComment' },
} as const;

function labelFinding(label: AigcLabel): Finding {
  const m = MEANING[label.meaning];
  const producer = label.fields.ContentProducer ?? label.fields.contentProducer;
  const produceId = label.fields.ProduceID ?? label.fields.produceID;
  const ids = [producer && `ContentProducer=${producer}`, produceId && `ProduceID=${produceId}`]
    .filter(Boolean)
    .join(', ');
  const compliant = label.compliance.length === 0;
  return makeFinding('provenance.aigc_label', {
    severity: m.severity,
    strength: m.strength,
    detail: text(
      `${SOURCE[label.source].zh} 中的隐式标识声明该内容${m.zh}${ids ? `；${ids}` : ''}。合规性：${compliant ? '符合标准格式' : `不合规（${label.compliance.join('；')}）`}。`,
      `The implicit label in the ${SOURCE[label.source].en} declares the content ${m.en}${ids ? `; ${ids}` : ''}. Compliance: ${compliant ? 'conforms' : `non-conforming (${label.compliance.join('; ')})`}.`,
    ),
    facts: { ...label },
  });
}

/** GB 45438-2025 implicit AIGC label → `provenance.aigc_label` (one finding for the strongest label found). */
export const aigcLabelSignal: Signal = {
  name: 'aigc-label',
  run(ctx): SignalResult {
    const labels = findAigcLabels(ctx);
    if (labels.length === 0) return NOTHING;
    const order = ['generated', 'declared', 'possibly', 'suspected', 'unknown'] as const;
    const strongest = [...labels].sort((a, b) => order.indexOf(a.meaning) - order.indexOf(b.meaning))[0]!;
    return { findings: [labelFinding(strongest)], facts: { aigcLabel: { labels } } };
  },
};
