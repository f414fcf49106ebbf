import { isJsonObject, type JsonObject } from './lenient-json.js';
import { compact, toNumber, toSeed, toText, type SamplerPass } from './types.js';

/** One node of ComfyUI's API graph (`prompt` chunk): `{ "<id>": { "class_type", "inputs" } }`. */
interface ApiNode {
  readonly classType: string;
  readonly inputs: JsonObject;
}

/** ComfyUI's executable ("API") graph, by node id. */
export type ComfyApiGraph = ReadonlyMap<string, ApiNode>;

/** An input wired to another node's output: `[nodeId, outputSlot]`. */
type Link = readonly [string, number];

/** Inputs that hold prompt text in text-encode nodes (CLIPTextEncode, …SDXL, …Flux, …SD3). */
const TEXT_INPUTS = ['text', 'text_g', 'text_l', 't5xxl', 'clip_l', 'clip_g', 'prompt'];
/** Inputs of string/primitive nodes a linked text or number comes from. */
const VALUE_INPUTS = ['text', 'string', 'value', 'prompt', 'seed', 'noise_seed', 'int', 'number', 'float'];
/** Inputs of loader nodes that name the model file. */
const MODEL_INPUTS = ['ckpt_name', 'unet_name', 'model_name', 'gguf_name', 'base_ckpt_name', 'model_path'];
/** Bound on how far links are followed (graphs are acyclic, but files may not be). */
const MAX_DEPTH = 32;

function asLink(value: unknown): Link | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, slot] = value as unknown[];
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof slot !== 'number') return undefined;
  return [String(id), slot];
}

/**
 * Reads ComfyUI's API graph from parsed JSON: an object whose members have a string `class_type` and an
 * object `inputs`. Returns undefined when no member does.
 */
export function toComfyApiGraph(value: unknown): ComfyApiGraph | undefined {
  if (!isJsonObject(value)) return undefined;
  const graph = new Map<string, ApiNode>();
  for (const [id, node] of Object.entries(value)) {
    if (isJsonObject(node) && typeof node.class_type === 'string' && isJsonObject(node.inputs)) {
      graph.set(id, { classType: node.class_type, inputs: node.inputs });
    }
  }
  return graph.size > 0 ? graph : undefined;
}

/** A scalar input, following links into primitive/string nodes (seed nodes, text boxes). */
function resolveScalar(graph: ComfyApiGraph, value: unknown, names: readonly string[], depth = 4): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  const link = asLink(value);
  const node = link && graph.get(link[0]);
  if (!node || depth <= 0) return undefined;
  for (const name of names) {
    const found = resolveScalar(graph, node.inputs[name], names, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A node is a sampler when it takes a seed or noise and conditioning, a guider or a sampler choice. */
export function isSamplerNode(node: ApiNode): boolean {
  const i = node.inputs;
  return (
    ('seed' in i || 'noise_seed' in i || 'noise' in i) && ('positive' in i || 'guider' in i || 'sampler_name' in i)
  );
}

/** Prompt texts that feed a conditioning input, through combine / set-area / control-net / unCLIP nodes. */
function conditioningTexts(graph: ComfyApiGraph, value: unknown, seen: Set<string>, depth = 0): string[] {
  const link = asLink(value);
  const node = link && graph.get(link[0]);
  if (!link || !node || depth > MAX_DEPTH || seen.has(`${link[0]}:${link[1]}`)) return [];
  seen.add(`${link[0]}:${link[1]}`);
  const texts = TEXT_INPUTS.map((k) => toText(resolveScalar(graph, node.inputs[k], VALUE_INPUTS))).filter(
    (t): t is string => t !== undefined,
  );
  if (texts.length > 0) return [...new Set(texts)];
  if (isSamplerNode(node)) return [];
  const { inputs } = node;
  // Nodes that pass both polarities through (ControlNetApplyAdvanced…): output 0 is positive, 1 negative.
  if ('positive' in inputs && 'negative' in inputs) {
    return conditioningTexts(graph, link[1] === 1 ? inputs.negative : inputs.positive, seen, depth + 1);
  }
  return Object.entries(inputs)
    .filter(([name]) => /^(conditioning|cond)/i.test(name) || name === 'positive' || name === 'negative')
    .flatMap(([, v]) => conditioningTexts(graph, v, seen, depth + 1));
}

/** The model file a sampler uses, through LoRA loaders and model patches, plus the LoRAs on the way. */
function traceModel(graph: ComfyApiGraph, value: unknown): { model?: string; loras: string[] } {
  const loras: string[] = [];
  let link = asLink(value);
  for (let depth = 0; link && depth < MAX_DEPTH; depth++) {
    const node = graph.get(link[0]);
    if (!node) break;
    const lora = toText(node.inputs.lora_name);
    if (lora) loras.push(lora);
    for (const name of MODEL_INPUTS) {
      const model = toText(resolveScalar(graph, node.inputs[name], VALUE_INPUTS));
      if (model) return { model, loras };
    }
    link = asLink(node.inputs.model) ?? asLink(node.inputs.unet);
  }
  return { loras };
}

function linkedNode(graph: ComfyApiGraph, value: unknown): ApiNode | undefined {
  const link = asLink(value);
  return link && graph.get(link[0]);
}

/** One sampling pass: sampler settings, seed, model and the prompts wired into it. */
function samplerPass(graph: ComfyApiGraph, nodeId: string, node: ApiNode): SamplerPass {
  const i = node.inputs;
  // SamplerCustomAdvanced splits its settings over guider, sigmas, sampler and noise nodes.
  const guider = linkedNode(graph, i.guider)?.inputs ?? {};
  const sigmas = linkedNode(graph, i.sigmas)?.inputs ?? {};
  const scalar = (value: unknown, ...names: string[]) => resolveScalar(graph, value, [...names, ...VALUE_INPUTS]);
  const { model, loras } = traceModel(graph, i.model ?? guider.model);
  return compact<SamplerPass>({
    nodeId,
    sampler: toText(scalar(i.sampler_name ?? i.sampler, 'sampler_name')),
    scheduler: toText(scalar(i.scheduler ?? sigmas.scheduler, 'scheduler')),
    seed: toSeed(scalar(i.seed ?? i.noise_seed ?? i.noise, 'noise_seed', 'seed')),
    steps: toNumber(scalar(i.steps ?? sigmas.steps, 'steps')),
    cfgScale: toNumber(scalar(i.cfg ?? guider.cfg, 'cfg')),
    denoise: toNumber(scalar(i.denoise ?? sigmas.denoise, 'denoise')),
    model,
    loras: loras.length > 0 ? loras : undefined,
    prompts: conditioningTexts(graph, i.positive ?? guider.positive ?? guider.conditioning, new Set()),
    negativePrompts: conditioningTexts(graph, i.negative ?? guider.negative, new Set()),
  });
}

function byNodeId(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b);
}

/** What a ComfyUI API graph says about how the image was made. */
export interface ComfyGraphSummary {
  readonly samplers: SamplerPass[];
  /** Every model file any loader names, in node order. */
  readonly models: string[];
  /** File names of images loaded into the graph (img2img, inpainting, image prompts). */
  readonly inputImages: string[];
  /** Width × height of the first empty latent, when the graph starts from one. */
  readonly size?: string;
  readonly nodeCount: number;
}

/** Summarises an API graph: sampling passes (sorted by node id), models, input images. */
export function summariseComfyGraph(graph: ComfyApiGraph): ComfyGraphSummary {
  const ids = [...graph.keys()].sort(byNodeId);
  const samplers = ids
    .filter((id) => isSamplerNode(graph.get(id)!))
    .map((id) => samplerPass(graph, id, graph.get(id)!));
  const models = new Set<string>();
  const inputImages: string[] = [];
  let size: string | undefined;
  for (const id of ids) {
    const { classType, inputs } = graph.get(id)!;
    for (const name of MODEL_INPUTS) {
      const model = toText(inputs[name]);
      if (model) models.add(model);
    }
    const image = toText(inputs.image);
    if (/^LoadImage/.test(classType) && image) inputImages.push(image);
    const width = toNumber(inputs.width);
    const height = toNumber(inputs.height);
    if (!size && /^Empty.*Latent/.test(classType) && width && height) size = `${width}x${height}`;
  }
  return compact({ samplers, models: [...models], inputImages, size, nodeCount: graph.size });
}
