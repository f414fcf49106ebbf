import { compact, fieldsWithKey, type GeneratorDetector, type GeneratorId } from './types.js';

/**
 * Software / creator-tool names that only image generators write. Matched at the start of the value, so
 * ordinary software (`Adobe Photoshop 26.5`, camera firmware) never matches.
 */
const GENERATOR_SOFTWARE: readonly (readonly [RegExp, GeneratorId, string])[] = [
  [/^NovelAI\b/i, 'novelai', 'NovelAI'],
  [/^Fooocus\b/i, 'fooocus', 'Fooocus'],
  [/^Draw Things\b/i, 'draw-things', 'Draw Things'],
  [/^ComfyUI\b/i, 'comfyui', 'ComfyUI'],
  [/^InvokeAI\b/i, 'invokeai', 'InvokeAI'],
  [/^SwarmUI\b/i, 'swarmui', 'SwarmUI'],
  [/^Midjourney\b/i, 'midjourney', 'Midjourney'],
  [/^(AUTOMATIC1111|Stable Diffusion web ?UI)\b/i, 'a1111', 'Stable Diffusion WebUI (AUTOMATIC1111)'],
  [/^Stable ?Diffusion\b/i, 'other', 'Stable Diffusion'],
  [/^DALL[-·‧ ]?E\b/i, 'other', 'DALL·E'],
];

/** Fields that name the software that wrote the file. */
const SOFTWARE_KEYS = ['software', 'exif:software', 'xmp:creatortool', 'xmp:software'];

/** A weak hint: a software tag naming an image generator, without parsable parameters. */
export const detectGeneratorSoftware: GeneratorDetector = (fields) => {
  for (const field of fieldsWithKey(fields, ...SOFTWARE_KEYS)) {
    const value = field.text.trim();
    const match = GENERATOR_SOFTWARE.find(([pattern]) => pattern.test(value));
    if (!match) continue;
    return compact({
      id: match[1],
      name: match[2],
      evidence: 'hint' as const,
      source: field.source,
      version: value.length <= 120 ? value : undefined,
    });
  }
  return undefined;
};
