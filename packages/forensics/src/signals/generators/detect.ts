import { detectA1111 } from './a1111.js';
import { detectComfyUI } from './comfyui.js';
import { detectDrawThings } from './draw-things.js';
import { detectFooocus } from './fooocus.js';
import { detectInvokeAI } from './invokeai.js';
import { detectMidjourney } from './midjourney.js';
import { detectNovelAI } from './novelai.js';
import { detectGeneratorSoftware } from './software-hints.js';
import { detectSwarmUI } from './swarmui.js';
import type { GeneratorDetector, GeneratorParams, TextField } from './types.js';

/**
 * Detectors, most specific first. Applications that also write A1111-style text (ComfyUI savers, Fooocus,
 * Draw Things) come before the generic A1111 parser, so the text is credited to the application that made it.
 */
const DETECTORS: readonly GeneratorDetector[] = [
  detectComfyUI,
  detectInvokeAI,
  detectNovelAI,
  detectFooocus,
  detectDrawThings,
  detectSwarmUI,
  detectMidjourney,
  detectA1111,
  detectGeneratorSoftware,
];

/**
 * Runs every generator parser over the file's metadata texts. A field one parser has read is not offered to
 * the later ones; one result per generator. Never throws: a parser that fails on junk simply finds nothing.
 * @returns what was found, parsed parameters before weaker hints (empty when nothing was recognised)
 */
export function detectGenerators(fields: readonly TextField[]): GeneratorParams[] {
  let pool = [...fields];
  const found: GeneratorParams[] = [];
  for (const detect of DETECTORS) {
    let result: GeneratorParams | undefined;
    try {
      result = detect(pool);
    } catch {
      result = undefined;
    }
    if (!result) continue;
    const used = new Set(result.source.split(' + '));
    pool = pool.filter((f) => !used.has(f.source));
    const id = result.id;
    if (id === 'other' || !found.some((r) => r.id === id)) found.push(result);
  }
  const rank = (r: GeneratorParams) => (r.evidence === 'parameters' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b));
}
