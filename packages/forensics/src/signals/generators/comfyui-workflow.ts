import { isJsonObject } from './lenient-json.js';
import { compact, toNumber, toSeed, toText, type SamplerPass } from './types.js';

/** One node of ComfyUI's editor graph (`workflow` chunk). */
interface UiNode {
  readonly id: string;
  readonly type: string;
  readonly widgets: readonly unknown[];
  /** Muted or bypassed: does not sample or load itself, but tracing passes through it. */
  readonly inactive: boolean;
  /** Input name → link id. */
  readonly inputs: ReadonlyMap<string, string>;
}

/** ComfyUI's editor ("workflow") graph: nodes with widget values, and links between their slots. */
export interface ComfyWorkflow {
  readonly nodes: ReadonlyMap<string, UiNode>;
  /** Link id → the node and output slot it comes from. */
  readonly links: ReadonlyMap<string, { readonly node: string; readonly slot: number }>;
}

/** Widget layouts of the stock samplers: index of each value in `widgets_values`, with the seed-control widget. */
const SAMPLER_WIDGETS: Record<
  string,
  Record<'seed' | 'steps' | 'cfg' | 'sampler' | 'scheduler' | 'denoise', number>
> = {
  KSampler: { seed: 0, steps: 2, cfg: 3, sampler: 4, scheduler: 5, denoise: 6 },
  KSamplerAdvanced: { seed: 1, steps: 3, cfg: 4, sampler: 5, scheduler: 6, denoise: -1 },
};
/** File names that are model weights (not configs). */
const MODEL_FILE = /\.(safetensors|ckpt|pt|pth|bin|gguf|sft)$/i;
const MAX_DEPTH = 32;
/** Node modes that do not run: 2 muted, 4 bypassed. */
const INACTIVE_MODES = new Set([2, 4]);

/** A node or link id (numbers in classic files, strings in some newer ones). */
function idOf(value: unknown): string | undefined {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
}

/** Reads ComfyUI's editor graph from parsed JSON (`{ nodes: [...], links: [...] }`); undefined otherwise. */
export function toComfyWorkflow(value: unknown): ComfyWorkflow | undefined {
  if (!isJsonObject(value) || !Array.isArray(value.nodes)) return undefined;
  const nodes = new Map<string, UiNode>();
  for (const raw of value.nodes as unknown[]) {
    if (!isJsonObject(raw) || typeof raw.type !== 'string') continue;
    const id = idOf(raw.id);
    if (id === undefined) continue;
    const inputs = new Map<string, string>();
    for (const input of Array.isArray(raw.inputs) ? (raw.inputs as unknown[]) : []) {
      const link = isJsonObject(input) ? idOf(input.link) : undefined;
      if (isJsonObject(input) && typeof input.name === 'string' && link !== undefined) inputs.set(input.name, link);
    }
    const widgets = Array.isArray(raw.widgets_values) ? (raw.widgets_values as unknown[]) : [];
    nodes.set(id, { id, type: raw.type, widgets, inputs, inactive: INACTIVE_MODES.has(raw.mode as number) });
  }
  if (nodes.size === 0) return undefined;
  const links = new Map<string, { node: string; slot: number }>();
  for (const raw of Array.isArray(value.links) ? (value.links as unknown[]) : []) {
    // Classic: [id, originId, originSlot, targetId, targetSlot, type]; newer: { id, origin_id, origin_slot, … }.
    const [id, node, slot] = Array.isArray(raw)
      ? [idOf(raw[0]), idOf(raw[1]), Number(raw[2])]
      : isJsonObject(raw)
        ? [idOf(raw.id), idOf(raw.origin_id), Number(raw.origin_slot)]
        : [];
    if (id !== undefined && node !== undefined) links.set(id, { node, slot: slot ?? 0 });
  }
  return { nodes, links };
}

function origin(wf: ComfyWorkflow, node: UiNode, input: string): { node: UiNode; slot: number } | undefined {
  const linkId = node.inputs.get(input);
  const link = linkId === undefined ? undefined : wf.links.get(linkId);
  const from = link && wf.nodes.get(link.node);
  return from && link ? { node: from, slot: link.slot } : undefined;
}

/** Prompt texts reaching a conditioning input: text-encode widgets, through conditioning nodes. */
function workflowTexts(wf: ComfyWorkflow, node: UiNode, input: string, depth = 0): string[] {
  const from = origin(wf, node, input);
  if (!from || depth > MAX_DEPTH) return [];
  if (/TextEncode/i.test(from.node.type)) {
    return [...new Set(from.node.widgets.map(toText).filter((t): t is string => t !== undefined))].slice(0, 2);
  }
  if (from.node.inputs.has('positive') && from.node.inputs.has('negative')) {
    return workflowTexts(wf, from.node, from.slot === 1 ? 'negative' : 'positive', depth + 1);
  }
  return [...from.node.inputs.keys()]
    .filter((name) => /^(conditioning|cond)/i.test(name))
    .flatMap((name) => workflowTexts(wf, from.node, name, depth + 1));
}

function workflowModel(wf: ComfyWorkflow, node: UiNode): { model?: string; loras: string[] } {
  const loras: string[] = [];
  let from = origin(wf, node, 'model');
  for (let depth = 0; from && depth < MAX_DEPTH; depth++) {
    const file = from.node.widgets.map(toText).find((w) => w !== undefined && MODEL_FILE.test(w));
    if (/lora/i.test(from.node.type)) {
      if (file && !from.node.inactive) loras.push(file);
    } else if (file && !from.node.inactive) {
      return { model: file, loras };
    }
    from = origin(wf, from.node, 'model');
  }
  return { loras };
}

/** What ComfyUI's editor graph says: stock sampler passes with their prompts, models, node count. */
export function summariseComfyWorkflow(wf: ComfyWorkflow): { samplers: SamplerPass[]; models: string[] } {
  const samplers: SamplerPass[] = [];
  const models = new Set<string>();
  for (const node of wf.nodes.values()) {
    if (node.inactive) continue;
    if (/Loader/i.test(node.type) && !/lora/i.test(node.type)) {
      for (const w of node.widgets) if (typeof w === 'string' && MODEL_FILE.test(w)) models.add(w);
    }
    const layout = SAMPLER_WIDGETS[node.type];
    if (!layout) continue;
    // Old files lack the seed-control widget that follows the seed; detect it by its value type.
    const control = node.widgets[layout.seed + 1];
    const shift = typeof control === 'string' || typeof control === 'boolean' ? 0 : -1;
    const at = (index: number) => (index < 0 ? undefined : node.widgets[index + (index > layout.seed ? shift : 0)]);
    const { model, loras } = workflowModel(wf, node);
    samplers.push(
      compact<SamplerPass>({
        nodeId: node.id,
        seed: toSeed(at(layout.seed)),
        steps: toNumber(at(layout.steps)),
        cfgScale: toNumber(at(layout.cfg)),
        sampler: toText(at(layout.sampler)),
        scheduler: toText(at(layout.scheduler)),
        denoise: toNumber(at(layout.denoise)),
        model,
        loras: loras.length > 0 ? loras : undefined,
        prompts: workflowTexts(wf, node, 'positive'),
        negativePrompts: workflowTexts(wf, node, 'negative'),
      }),
    );
  }
  samplers.sort((a, b) => Number(a.nodeId) - Number(b.nodeId));
  return { samplers, models: [...models] };
}
