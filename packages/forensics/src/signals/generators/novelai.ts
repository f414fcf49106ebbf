import { parseJsonObject, type JsonObject } from './lenient-json.js';
import {
  compact,
  extraFacts,
  fieldsWithKey,
  firstField,
  toNumber,
  toSeed,
  toText,
  type GeneratorDetector,
  type GeneratorParams,
  type TextField,
} from './types.js';

/** NovelAI's `Source` names the model and an 8-hex-digit hash: `Stable Diffusion 1D44365E`. */
const SOURCE = /^(.*?)\s+([0-9A-F]{8})$/i;

/** NovelAI's `Comment` JSON is recognisable alone by its own keys: `uc` (negative prompt) with `scale`/`noise`. */
function isNovelAIComment(comment: JsonObject): boolean {
  return 'uc' in comment && ('scale' in comment || 'noise' in comment) && ('steps' in comment || 'sampler' in comment);
}

/**
 * Detects NovelAI: PNG `Software: NovelAI`, `Comment` JSON (steps, sampler, seed, scale, uc…), the prompt in
 * `Description`, the model in `Source`. The comment's parameters make it unambiguous; the software name alone
 * is only a hint.
 */
export const detectNovelAI: GeneratorDetector = (fields) => {
  const software = fieldsWithKey(fields, 'software', 'exif:software').find((f) => /^novelai\b/i.test(f.text.trim()));
  let commentField: TextField | undefined;
  let parsed: JsonObject | undefined;
  for (const field of fieldsWithKey(fields, 'comment', 'exif:usercomment')) {
    const comment = parseJsonObject(field.text);
    if (comment && isNovelAIComment(comment)) {
      commentField = field;
      parsed = comment;
      break;
    }
  }
  if (!software && !parsed) return undefined;
  const description = firstField(fields, 'description');
  const source = firstField(fields, 'source');
  const model = source && SOURCE.exec(source.text.trim());
  const width = toNumber(parsed?.width);
  const height = toNumber(parsed?.height);
  const sources = [software, commentField, description, source].filter((f) => f !== undefined).map((f) => f.source);
  return compact<GeneratorParams>({
    id: 'novelai',
    name: 'NovelAI',
    evidence: parsed ? 'parameters' : 'hint',
    source: sources.join(' + '),
    prompt: toText(description?.text) ?? toText(parsed?.prompt),
    negativePrompt: toText(parsed?.uc),
    seed: toSeed(parsed?.seed),
    sampler: toText(parsed?.sampler),
    steps: toNumber(parsed?.steps),
    cfgScale: toNumber(parsed?.scale),
    model: model ? toText(model[1]) : toText(source?.text),
    modelHash: model ? model[2] : undefined,
    size: width && height ? `${width}x${height}` : undefined,
    extra: extraFacts({ strength: toNumber(parsed?.strength), noise: toNumber(parsed?.noise) }),
  });
};
