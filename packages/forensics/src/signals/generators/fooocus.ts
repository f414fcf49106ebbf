import { parseJsonObject, type JsonObject } from './lenient-json.js';
import {
  compact,
  extraFacts,
  fieldsWithKey,
  toNumber,
  toSeed,
  toText,
  type GeneratorDetector,
  type GeneratorParams,
  type TextField,
} from './types.js';

function isFooocusJson(meta: JsonObject, schemeField: TextField | undefined): boolean {
  const marked =
    meta.metadata_scheme === 'fooocus' || /^fooocus\b/i.test(toText(meta.version) ?? '') || schemeField !== undefined;
  return marked && 'prompt' in meta && ('seed' in meta || 'sampler' in meta);
}

/**
 * Detects Fooocus' own metadata scheme: JSON in PNG `parameters` (with a `fooocus_scheme` chunk) or in the
 * EXIF UserComment of JPEG/WebP (with `Software: Fooocus v…`). Fooocus' A1111-style scheme is read by the
 * A1111 parser (its `Version: Fooocus v…` names Fooocus).
 */
export const detectFooocus: GeneratorDetector = (fields) => {
  const scheme = fieldsWithKey(fields, 'fooocus_scheme').find((f) => /fooocus/i.test(f.text));
  for (const field of fieldsWithKey(fields, 'parameters', 'exif:usercomment')) {
    const meta = parseJsonObject(field.text);
    if (!meta || !isFooocusJson(meta, scheme)) continue;
    return compact<GeneratorParams>({
      id: 'fooocus',
      name: 'Fooocus',
      evidence: 'parameters',
      source: scheme ? `${field.source} + ${scheme.source}` : field.source,
      prompt: toText(meta.prompt),
      negativePrompt: toText(meta.negative_prompt),
      seed: toSeed(meta.seed),
      sampler: toText(meta.sampler),
      scheduler: toText(meta.scheduler),
      steps: toNumber(meta.steps),
      cfgScale: toNumber(meta.guidance_scale),
      model: toText(meta.base_model),
      modelHash: toText(meta.base_model_hash),
      version: toText(meta.version),
      extra: extraFacts({
        performance: toText(meta.performance),
        resolution: toText(meta.resolution),
        styles: toText(meta.styles),
        refinerModel: toText(meta.refiner_model),
      }),
    });
  }
  return undefined;
};
