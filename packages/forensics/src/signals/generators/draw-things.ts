import { parseA1111Infotext } from './a1111.js';
import { parseJsonObject } from './lenient-json.js';
import {
  compact,
  fieldsWithKey,
  firstField,
  toNumber,
  toSeed,
  toText,
  type GeneratorDetector,
  type GeneratorParams,
} from './types.js';

/**
 * Detects Draw Things (iOS/macOS): XMP `xmp:CreatorTool` "Draw Things", its settings as JSON in XMP
 * `exif:UserComment` (`c` prompt, `uc` negative, `seed`, `steps`, `scale`, `sampler`, `model`, `size`) and an
 * A1111-like summary in `dc:description` whose negative prompt line starts with `-`.
 */
export const detectDrawThings: GeneratorDetector = (fields) => {
  const tool = fieldsWithKey(fields, 'xmp:creatortool', 'exif:software', 'software').find((f) =>
    /^draw things\b/i.test(f.text.trim()),
  );
  const commentField = fieldsWithKey(fields, 'xmp:usercomment', 'exif:usercomment').find((f) => {
    const json = parseJsonObject(f.text);
    return (
      json !== undefined && 'c' in json && ('seed' in json || 'sampler' in json) && ('model' in json || 'scale' in json)
    );
  });
  const config = commentField && parseJsonObject(commentField.text);
  if (!tool && !config) return undefined;
  const descriptionField = tool ? firstField(fields, 'xmp:description') : undefined;
  const summary = descriptionField ? parseA1111Infotext(descriptionField.text, '-') : undefined;
  const params = summary?.params ?? {};
  const parsedSummary = summary !== undefined && 'Steps' in params && ('Seed' in params || 'Sampler' in params);
  const sources = [tool, commentField, parsedSummary ? descriptionField : undefined]
    .filter((f) => f !== undefined)
    .map((f) => f.source);
  return compact<GeneratorParams>({
    id: 'draw-things',
    name: 'Draw Things',
    evidence: config || parsedSummary ? 'parameters' : 'hint',
    source: sources.join(' + '),
    prompt: toText(config?.c) ?? (parsedSummary ? toText(summary.prompt) : undefined),
    negativePrompt: toText(config?.uc) ?? (parsedSummary ? toText(summary.negativePrompt) : undefined),
    seed: toSeed(config?.seed) ?? toSeed(params.Seed),
    sampler: toText(config?.sampler) ?? toText(params.Sampler),
    steps: toNumber(config?.steps) ?? toNumber(params.Steps),
    cfgScale: toNumber(config?.scale) ?? toNumber(params['Guidance Scale']),
    model: toText(config?.model) ?? toText(params.Model),
    size: toText(config?.size) ?? toText(params.Size),
  });
};
