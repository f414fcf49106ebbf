import { isJsonObject, parseJsonObject, type JsonObject } from './lenient-json.js';
import {
  compact,
  extraFacts,
  firstField,
  toNumber,
  toSeed,
  toText,
  type GeneratorDetector,
  type GeneratorParams,
  type TextField,
} from './types.js';

const NAME = 'InvokeAI';

/** InvokeAI 2.x wrote the negative prompt inside the prompt, in square brackets: `cat [blurry, dog]`. */
export function splitBracketedNegative(prompt: string): { prompt: string; negative?: string } {
  const negatives: string[] = [];
  const positive = prompt.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
    negatives.push(inner.trim());
    return '';
  });
  if (negatives.length === 0) return { prompt: prompt.trim() };
  const negative = negatives.filter((n) => n.length > 0).join(', ');
  return { prompt: positive.replace(/ {2,}/g, ' ').trim(), ...(negative ? { negative } : {}) };
}

function modelName(model: unknown): string | undefined {
  if (typeof model === 'string') return toText(model);
  return isJsonObject(model) ? (toText(model.model_name) ?? toText(model.name)) : undefined;
}

/** InvokeAI 3+ `invokeai_metadata`: flat JSON with positive_prompt, seed, steps, cfg_scale, scheduler, model. */
function fromInvokeMetadata(field: TextField, meta: JsonObject): GeneratorParams | undefined {
  const prompt = toText(meta.positive_prompt);
  const seed = toSeed(meta.seed);
  if (prompt === undefined && seed === undefined) return undefined;
  const width = toNumber(meta.width);
  const height = toNumber(meta.height);
  return compact<GeneratorParams>({
    id: 'invokeai',
    name: NAME,
    evidence: 'parameters',
    source: field.source,
    prompt,
    negativePrompt: toText(meta.negative_prompt),
    seed,
    sampler: toText(meta.scheduler),
    steps: toNumber(meta.steps),
    cfgScale: toNumber(meta.cfg_scale),
    model: modelName(meta.model),
    modelHash: isJsonObject(meta.model) ? toText(meta.model.hash) : undefined,
    size: width && height ? `${width}x${height}` : undefined,
    version: toText(meta.app_version),
    extra: extraFacts({ generationMode: toText(meta.generation_mode) }),
  });
}

/** InvokeAI 2.x `sd-metadata`: `{ model_weights, model_hash, app_version, image: { prompt: [{prompt}], … } }`. */
function fromSdMetadata(field: TextField, meta: JsonObject): GeneratorParams | undefined {
  const image = isJsonObject(meta.image) ? meta.image : undefined;
  if (!image) return undefined;
  const first: unknown = Array.isArray(image.prompt) ? (image.prompt as unknown[])[0] : image.prompt;
  const rawPrompt = toText(isJsonObject(first) ? first.prompt : first);
  const split = rawPrompt ? splitBracketedNegative(rawPrompt) : undefined;
  const width = toNumber(image.width);
  const height = toNumber(image.height);
  return compact<GeneratorParams>({
    id: 'invokeai',
    name: NAME,
    evidence: 'parameters',
    source: field.source,
    prompt: toText(split?.prompt),
    negativePrompt: split?.negative,
    seed: toSeed(image.seed),
    sampler: toText(image.sampler),
    steps: toNumber(image.steps),
    cfgScale: toNumber(image.cfg_scale),
    model: toText(meta.model_weights),
    modelHash: toText(meta.model_hash),
    size: width && height ? `${width}x${height}` : undefined,
    version: toText(meta.app_version),
    extra: extraFacts({ type: toText(image.type) }),
  });
}

/** The old `Dream` line: `"prompt [negative]" -s 50 -S 2980747362 -W 512 -H 768 -C 5 -A k_lms`. */
export function parseDreamLine(text: string): { prompt: string; options: Record<string, string> } | undefined {
  const m = /^\s*"((?:\\.|[^"\\])*)"((?:\s+-{1,2}[A-Za-z]+(?:\s+[^\s-][^\s]*)?)*)/.exec(text);
  if (!m) return undefined;
  const options: Record<string, string> = {};
  for (const opt of m[2]!.matchAll(/-{1,2}([A-Za-z]+)(?:\s+([^\s-][^\s]*))?/g)) options[opt[1]!] = opt[2] ?? '';
  return { prompt: m[1]!.replace(/\\"/g, '"'), options };
}

function fromDream(field: TextField): GeneratorParams | undefined {
  const parsed = parseDreamLine(field.text);
  const seed = parsed && toSeed(parsed.options.S ?? parsed.options.seed);
  if (!parsed || (seed === undefined && parsed.options.s === undefined)) return undefined;
  const split = splitBracketedNegative(parsed.prompt);
  const { W: width, H: height } = parsed.options;
  return compact<GeneratorParams>({
    id: 'invokeai',
    name: NAME,
    evidence: 'parameters',
    source: field.source,
    prompt: toText(split.prompt),
    negativePrompt: split.negative,
    seed,
    sampler: toText(parsed.options.A ?? parsed.options.sampler),
    steps: toNumber(parsed.options.s ?? parsed.options.steps),
    cfgScale: toNumber(parsed.options.C ?? parsed.options.cfg_scale),
    size: width && height ? `${width}x${height}` : undefined,
  });
}

/** InvokeAI 3+ `invokeai_graph` alone: the node graph; model and seed from its loader and noise nodes. */
function fromGraph(field: TextField, graph: JsonObject): GeneratorParams | undefined {
  const nodes = isJsonObject(graph.nodes) ? Object.values(graph.nodes) : [];
  const typed = nodes.filter(isJsonObject).filter((n) => typeof n.type === 'string');
  if (typed.length === 0) return undefined;
  const ofType = (re: RegExp) => typed.find((n) => re.test(n.type as string));
  const loader = ofType(/model_loader$/);
  const noise = ofType(/noise$/);
  const denoise = ofType(/denoise_latents$/);
  return compact<GeneratorParams>({
    id: 'invokeai',
    name: NAME,
    evidence: 'parameters',
    source: field.source,
    model: loader ? modelName(loader.model) : undefined,
    seed: noise ? toSeed(noise.seed) : undefined,
    steps: denoise ? toNumber(denoise.steps) : undefined,
    cfgScale: denoise ? toNumber(denoise.cfg_scale) : undefined,
    sampler: denoise ? toText(denoise.scheduler) : undefined,
    extra: { graphNodeCount: typed.length },
  });
}

/**
 * Detects InvokeAI, newest format first: `invokeai_metadata` (3.x+), `sd-metadata` (2.x), `Dream` (1.x/2.x
 * command line), then `invokeai_graph` alone.
 */
export const detectInvokeAI: GeneratorDetector = (fields) => {
  const metadata = firstField(fields, 'invokeai_metadata');
  const meta = metadata && parseJsonObject(metadata.text);
  const fromMeta = metadata && meta && fromInvokeMetadata(metadata, meta);
  if (fromMeta) return fromMeta;
  const sd = firstField(fields, 'sd-metadata');
  const sdMeta = sd && parseJsonObject(sd.text);
  const fromSd = sd && sdMeta && fromSdMetadata(sd, sdMeta);
  if (fromSd) return fromSd;
  const dream = firstField(fields, 'dream');
  const fromDreamLine = dream && fromDream(dream);
  if (fromDreamLine) return fromDreamLine;
  const graphField = firstField(fields, 'invokeai_graph');
  const graph = graphField && parseJsonObject(graphField.text);
  return graphField && graph ? fromGraph(graphField, graph) : undefined;
};
