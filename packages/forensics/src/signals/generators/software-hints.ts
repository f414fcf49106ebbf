import { compact, fieldsWithKey, type GeneratorDetector, type GeneratorId } from './types.js';

/**
 * Software / creator-tool names that only image generators write, each seen in real output: NovelAI's PNG
 * `Software`, Fooocus' EXIF `Software: Fooocus v…` (JPEG/WebP), Draw Things' XMP `xmp:CreatorTool`. Matched at
 * the start of the value, so ordinary software (`Adobe Photoshop 26.5`, camera firmware) never matches. Names
 * without a real example (DALL·E, Midjourney…) are left out: their files carry C2PA or a description instead.
 */
const GENERATOR_SOFTWARE: readonly (readonly [RegExp, GeneratorId, string])[] = [
  [/^NovelAI\b/i, 'novelai', 'NovelAI'],
  [/^Fooocus\b/i, 'fooocus', 'Fooocus'],
  [/^Draw Things\b/i, 'draw-things', 'Draw Things'],
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
