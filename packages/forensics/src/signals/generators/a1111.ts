import {
  compact,
  fieldsWithKey,
  toNumber,
  toSeed,
  toText,
  type GeneratorDetector,
  type GeneratorId,
  type GeneratorParams,
} from './types.js';

/** The infotext A1111-style generators write: prompt lines, `Negative prompt:` lines, then `Key: value, …`. */
export interface A1111Infotext {
  readonly prompt: string;
  readonly negativePrompt: string;
  /** The last line's `Key: value` pairs, in order, values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

/** `Key: value` pairs; a value is either a JSON string literal or runs to the next comma (A1111's own grammar). */
const PARAM = /\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)/g;

/** Fields where A1111-style infotext is found: PNG `parameters`, EXIF/XMP UserComment, descriptions. */
const INFOTEXT_KEYS = [
  'parameters',
  'exif:usercomment',
  'xmp:usercomment',
  'exif:imagedescription',
  'xmp:description',
  'comment',
  'description',
  'iptc:caption',
];

/** Parameters shown in facts besides the main ones (short values only). */
const EXTRA_LIMIT = 12;
/** A parameter line longer than this is not parsed (the pair grammar is quadratic on colon-free text). */
const MAX_PARAM_LINE_CHARS = 100_000;
const EXTRA_VALUE_CHARS = 120;
const MAIN_KEYS = new Set(['Steps', 'Sampler', 'Schedule type', 'CFG scale', 'Seed', 'Size', 'Model', 'Model hash']);

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // keep the raw text: lenient by design
    }
  }
  return trimmed;
}

/** Parses one `Key: value, Key: value` line. */
export function parseInfotextParams(line: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of line.matchAll(PARAM)) {
    const key = m[1]!.trim();
    if (!(key in params)) params[key] = unquote(m[2]!);
  }
  return params;
}

/**
 * Splits A1111-style infotext into prompt, negative prompt and parameters, as the WebUI itself does: the last
 * line holds the parameters when it has at least three `Key: value` pairs.
 * @param text the infotext (PNG `parameters`, EXIF UserComment…)
 * @param negativeMarker the prefix that starts the negative prompt (`Negative prompt:` in A1111)
 * @returns the parts, or undefined for JSON or empty text
 */
export function parseA1111Infotext(text: string, negativeMarker = 'Negative prompt:'): A1111Infotext | undefined {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised.length === 0 || normalised.startsWith('{') || normalised.startsWith('[')) return undefined;
  const lines = normalised.split('\n');
  let params: Record<string, string> = {};
  const last = lines.at(-1)!;
  const lastParams = last.length <= MAX_PARAM_LINE_CHARS ? parseInfotextParams(last) : {};
  if (Object.keys(lastParams).length >= 3) {
    params = lastParams;
    lines.pop();
  }
  const prompt: string[] = [];
  const negative: string[] = [];
  let inNegative = false;
  for (const raw of lines) {
    let line = raw.trim();
    if (line.startsWith(negativeMarker)) {
      inNegative = true;
      line = line.slice(negativeMarker.length).trim();
    }
    (inNegative ? negative : prompt).push(line);
  }
  return { prompt: prompt.join('\n').trim(), negativePrompt: negative.join('\n').trim(), params };
}

/** Which A1111-compatible application wrote the infotext, from its `Version`/`App` fields. */
function identify(params: Readonly<Record<string, string>>): { id: GeneratorId; name: string } {
  const version = params.Version ?? '';
  if (/^f\d/.test(version)) return { id: 'forge', name: 'Stable Diffusion WebUI Forge' };
  if (/sd\.?next/i.test(params.App ?? '') || /sd\.?next/i.test(version)) return { id: 'sdnext', name: 'SD.Next' };
  if (/fooocus/i.test(version)) return { id: 'fooocus', name: 'Fooocus' };
  if ('Civitai resources' in params || 'Civitai metadata' in params) return { id: 'civitai', name: 'Civitai' };
  if (/comfyui/i.test(version)) return { id: 'comfyui', name: 'ComfyUI' };
  return { id: 'a1111', name: 'Stable Diffusion WebUI (AUTOMATIC1111)' };
}

function extras(params: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const entries = Object.entries(params)
    .filter(([k, v]) => !MAIN_KEYS.has(k) && k !== 'Version' && v.length > 0 && v.length <= EXTRA_VALUE_CHARS)
    .slice(0, EXTRA_LIMIT);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * Builds generator parameters from A1111-style infotext, when it really is one: the parameter line must name
 * `Steps` and a `Sampler` or `Seed` (camera comments and free text never do).
 * @param source where the text was read, for the report
 */
export function a1111FromInfotext(text: string, source: string): GeneratorParams | undefined {
  const parsed = parseA1111Infotext(text);
  if (!parsed) return undefined;
  const { params } = parsed;
  // A1111 always writes a numeric `Steps` first, then `Sampler` and `Seed`.
  if (toNumber(params.Steps) === undefined) return undefined;
  if (toText(params.Sampler) === undefined && toSeed(params.Seed) === undefined) return undefined;
  return compact<GeneratorParams>({
    ...identify(params),
    evidence: 'parameters',
    source,
    prompt: toText(parsed.prompt),
    negativePrompt: toText(parsed.negativePrompt),
    seed: toSeed(params.Seed),
    sampler: toText(params.Sampler),
    scheduler: toText(params['Schedule type']),
    steps: toNumber(params.Steps),
    cfgScale: toNumber(params['CFG scale']),
    model: toText(params.Model),
    modelHash: toText(params['Model hash']),
    size: toText(params.Size),
    version: toText(params.Version),
    extra: extras(params),
  });
}

/** Detects AUTOMATIC1111 / Forge / SD.Next (and other A1111-format) infotext in PNG text, EXIF or XMP. */
export const detectA1111: GeneratorDetector = (fields) => {
  for (const field of fieldsWithKey(fields, ...INFOTEXT_KEYS)) {
    const found = a1111FromInfotext(field.text, field.source);
    if (found) return found;
  }
  return undefined;
};
