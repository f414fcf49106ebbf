import { makeFinding } from '../finding.js';
import { detectGenerators } from './generators/detect.js';
import { generatorDetail, generatorFacts, generatorTitle } from './generators/describe.js';
import { stealthFields } from './generators/stealth-pnginfo.js';
import { collectTextFields } from './generators/text-fields.js';
import type { TextField } from './generators/types.js';
import { NOTHING, type Signal, type SignalContext, type SignalResult } from './signal.js';

/** Signal strength of a weaker hint (a software name, Midjourney flags without a job id): suspicious, not forged. */
export const GENERATOR_HINT_STRENGTH = 0.7;

/**
 * Every metadata text the generator parsers read: PNG text chunks, EXIF, XMP, IPTC and, for RGBA PNGs, the
 * stealth PNG info hidden in the alpha channel.
 */
export function readGeneratorFields(
  ctx: Pick<SignalContext, 'pngText' | 'meta' | 'format' | 'bytes' | 'maxPixels'>,
): TextField[] {
  const fields = collectTextFields(ctx);
  if (ctx.format === 'png') fields.push(...stealthFields(ctx.bytes, ctx.maxPixels));
  return fields;
}

/**
 * Finds the parameters AI image generators embed — AUTOMATIC1111 / Forge / SD.Next infotext, ComfyUI graphs,
 * InvokeAI, NovelAI, Fooocus, SwarmUI, Draw Things and Midjourney descriptions — in PNG text chunks, EXIF,
 * XMP, IPTC and the alpha-channel "stealth PNG info", and reports `provenance.generator_params`: severity
 * `high` at full strength when parameters were parsed, `warn` at {@link GENERATOR_HINT_STRENGTH} for a bare hint. Returns no finding for ordinary or junk
 * metadata. The parsed facts (prompts cut to 500 characters, never whole workflows) go to `facts.generator`.
 */
export const generatorParamsSignal: Signal = {
  name: 'generator-params',
  run(ctx: SignalContext): SignalResult {
    const [primary, ...others] = detectGenerators(readGeneratorFields(ctx));
    if (!primary) return NOTHING;
    const facts = generatorFacts(primary, others);
    const decisive = primary.evidence === 'parameters';
    return {
      findings: [
        makeFinding('provenance.generator_params', {
          severity: decisive ? 'high' : 'warn',
          strength: decisive ? 1 : GENERATOR_HINT_STRENGTH,
          title: generatorTitle(primary),
          detail: generatorDetail(primary),
          facts,
        }),
      ],
      facts: { generator: facts },
    };
  },
};
