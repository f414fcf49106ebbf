import { isJsonObject, parseJsonObject } from './lenient-json.js';
import {
  compact,
  fieldsWithKey,
  toNumber,
  toSeed,
  toText,
  type GeneratorDetector,
  type GeneratorParams,
} from './types.js';

/** Detects SwarmUI: JSON `{ "sui_image_params": { prompt, negativeprompt, model, seed, steps, cfgscale, … } }`. */
export const detectSwarmUI: GeneratorDetector = (fields) => {
  for (const field of fieldsWithKey(fields, 'parameters', 'exif:usercomment')) {
    const meta = parseJsonObject(field.text);
    const params = meta?.sui_image_params;
    if (!isJsonObject(params)) continue;
    const width = toNumber(params.width);
    const height = toNumber(params.height);
    return compact<GeneratorParams>({
      id: 'swarmui',
      name: 'SwarmUI',
      evidence: 'parameters',
      source: field.source,
      prompt: toText(params.prompt),
      negativePrompt: toText(params.negativeprompt),
      seed: toSeed(params.seed),
      sampler: toText(params.sampler),
      scheduler: toText(params.scheduler),
      steps: toNumber(params.steps),
      cfgScale: toNumber(params.cfgscale),
      model: toText(params.model),
      size: width && height ? `${width}x${height}` : undefined,
      version: toText(params.swarm_version),
    });
  }
  return undefined;
};
