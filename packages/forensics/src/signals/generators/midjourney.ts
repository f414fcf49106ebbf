import {
  compact,
  extraFacts,
  fieldsWithKey,
  firstField,
  toText,
  type GeneratorDetector,
  type GeneratorParams,
} from './types.js';

/** Midjourney ends its description with the job's UUID: `… --ar 4:5 --v 6 Job ID: d95be554-…`. */
const JOB_ID = /\bJob ID:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;
/** Midjourney's documented parameters (`--v 6.1`, `--niji 6`, `--ar 16:9`, `--stylize 250`, `--sref …`). */
const KNOWN_FLAGS = new Set(
  (
    'v version niji ar aspect chaos c stylize s q quality seed sameseed sref cref cw sw sv p personalize style ' +
    'weird w tile no iw raw stop r repeat exp draft video fast relax turbo hd test testp oref ow profile'
  ).split(' '),
);
/** Fields Midjourney writes its command into: PNG `Description`, XMP dc:description, EXIF/IPTC captions. */
const DESCRIPTION_KEYS = ['description', 'xmp:description', 'exif:imagedescription', 'iptc:caption', 'comment'];

/** A parsed Midjourney command line. */
export interface MidjourneyCommand {
  readonly prompt: string;
  /** Parameters by name, in order (`{ ar: '4:5', v: '6', chaos: '16' }`); flags without a value map to ''. */
  readonly flags: Readonly<Record<string, string>>;
  readonly jobId?: string;
  /** Image prompts (URLs) given before the text prompt. */
  readonly imagePrompts: number;
}

/**
 * Parses a Midjourney description: `[image URLs] prompt --flag value … [Job ID: uuid]`. Only Midjourney's own
 * parameter names count as flags; unknown `--words` stay in the prompt.
 */
export function parseMidjourneyCommand(text: string): MidjourneyCommand {
  const jobMatch = JOB_ID.exec(text);
  const command = (jobMatch ? text.slice(0, jobMatch.index) : text).trim();
  const flags: Record<string, string> = {};
  const parts = command.split(/\s+(?=--[a-z]+\b)/i);
  const promptParts: string[] = [parts[0] ?? ''];
  for (const part of parts.slice(1)) {
    const m = /^--([a-z]+)\b\s*([\s\S]*)$/i.exec(part)!;
    const name = m[1]!.toLowerCase();
    if (KNOWN_FLAGS.has(name) && !(name in flags)) flags[name] = m[2]!.trim();
    else promptParts.push(part);
  }
  const words = promptParts.join(' ').trim().split(/\s+/);
  let imagePrompts = 0;
  while (words.length > 0 && /^https?:\/\/\S+$/i.test(words[0]!)) {
    words.shift();
    imagePrompts++;
  }
  return { prompt: words.join(' '), flags, imagePrompts, ...(jobMatch ? { jobId: jobMatch[1]!.toLowerCase() } : {}) };
}

/** Version as Midjourney names it: `6.1`, `niji 6`. */
function versionOf(flags: Readonly<Record<string, string>>): string | undefined {
  if (flags.niji !== undefined) return toText(`niji ${flags.niji}`);
  return toText(flags.v ?? flags.version);
}

/**
 * Detects Midjourney: a description ending in `Job ID: <uuid>` is unambiguous; Midjourney parameters alone
 * (`--v` or `--niji` with another known flag) are a hint.
 */
export const detectMidjourney: GeneratorDetector = (fields) => {
  for (const field of fieldsWithKey(fields, ...DESCRIPTION_KEYS)) {
    if (!field.text.includes('--') && !JOB_ID.test(field.text)) continue;
    const parsed = parseMidjourneyCommand(field.text);
    const names = Object.keys(parsed.flags);
    const versioned = names.includes('v') || names.includes('version') || names.includes('niji');
    if (!parsed.jobId && !(versioned && names.length >= 2)) continue;
    const author = parsed.jobId ? firstField(fields, 'author') : undefined;
    const guid = firstField(fields, 'xmp:digimageguid');
    return compact<GeneratorParams>({
      id: 'midjourney',
      name: 'Midjourney',
      evidence: parsed.jobId ? 'parameters' : 'hint',
      source: [field.source, author?.source].filter(Boolean).join(' + '),
      prompt: toText(parsed.prompt),
      seed: toText(parsed.flags.seed),
      version: versionOf(parsed.flags),
      extra: extraFacts({
        jobId: parsed.jobId,
        aspectRatio: toText(parsed.flags.ar ?? parsed.flags.aspect),
        stylize: toText(parsed.flags.stylize ?? parsed.flags.s),
        chaos: toText(parsed.flags.chaos ?? parsed.flags.c),
        parameters: names.length > 0 ? names : undefined,
        imagePrompts: parsed.imagePrompts > 0 ? parsed.imagePrompts : undefined,
        author: toText(author?.text),
        digImageGuid: guid && parsed.jobId && guid.text.toLowerCase().includes(parsed.jobId) ? true : undefined,
      }),
    });
  }
  return undefined;
};
