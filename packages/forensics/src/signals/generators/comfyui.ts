import { summariseComfyGraph, toComfyApiGraph } from './comfyui-graph.js';
import { summariseComfyWorkflow, toComfyWorkflow } from './comfyui-workflow.js';
import { parseLenientJson } from './lenient-json.js';
import {
  compact,
  extraFacts,
  fieldsWithKey,
  type GeneratorDetector,
  type GeneratorParams,
  type SamplerPass,
} from './types.js';

/** How many sampling passes and model names are kept (graphs with dozens exist; facts stay short). */
const MAX_PASSES = 8;
const MAX_LISTED = 10;

function fromPasses(
  samplers: readonly SamplerPass[],
  models: readonly string[],
): Pick<
  GeneratorParams,
  'prompt' | 'negativePrompt' | 'seed' | 'sampler' | 'scheduler' | 'steps' | 'cfgScale' | 'model' | 'samplers'
> {
  const first = samplers[0];
  return {
    prompt: first && first.prompts.length > 0 ? first.prompts.join('\n') : undefined,
    negativePrompt: first && first.negativePrompts.length > 0 ? first.negativePrompts.join('\n') : undefined,
    seed: first?.seed,
    sampler: first?.sampler,
    scheduler: first?.scheduler,
    steps: first?.steps,
    cfgScale: first?.cfgScale,
    model: first?.model ?? models[0],
    samplers: samplers.length > 0 ? samplers.slice(0, MAX_PASSES) : undefined,
  };
}

/**
 * Detects ComfyUI: the API graph in PNG text `prompt` (or EXIF Model `prompt:{…}` in WebP/JPEG) and the editor
 * graph in `workflow`. A parsed graph is unambiguous evidence; the parameters are read from the sampler nodes
 * and traced back through the graph to the checkpoint and the prompt texts.
 */
export const detectComfyUI: GeneratorDetector = (fields) => {
  const promptField = fieldsWithKey(fields, 'prompt').find((f) => f.text.trimStart().startsWith('{'));
  const workflowField = fieldsWithKey(fields, 'workflow').find((f) => f.text.trimStart().startsWith('{'));
  const graph = promptField ? toComfyApiGraph(parseLenientJson(promptField.text)) : undefined;
  const workflow = workflowField ? toComfyWorkflow(parseLenientJson(workflowField.text)) : undefined;
  if (graph) {
    const summary = summariseComfyGraph(graph);
    return compact<GeneratorParams>({
      id: 'comfyui',
      name: 'ComfyUI',
      evidence: 'parameters',
      source: workflow ? `${promptField!.source} + ${workflowField!.source}` : promptField!.source,
      ...fromPasses(summary.samplers, summary.models),
      size: summary.size,
      extra: extraFacts({
        nodeCount: summary.nodeCount,
        models: summary.models.length > 0 ? summary.models.slice(0, MAX_LISTED) : undefined,
        inputImages: summary.inputImages.length > 0 ? summary.inputImages.slice(0, MAX_LISTED) : undefined,
        workflowNodeCount: workflow?.nodes.size,
      }),
    });
  }
  if (workflow) {
    const summary = summariseComfyWorkflow(workflow);
    return compact<GeneratorParams>({
      id: 'comfyui',
      name: 'ComfyUI',
      evidence: 'parameters',
      source: workflowField!.source,
      ...fromPasses(summary.samplers, summary.models),
      extra: extraFacts({
        workflowNodeCount: workflow.nodes.size,
        models: summary.models.length > 0 ? summary.models.slice(0, MAX_LISTED) : undefined,
      }),
    });
  }
  return undefined;
};
