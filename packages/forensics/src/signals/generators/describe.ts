import { text, type LocalizedText } from '../../text.js';
import { compact, type GeneratorParams, type SamplerPass } from './types.js';

/** Longest prompt kept in facts, in characters. */
export const FACT_PROMPT_CHARS = 500;
/** Longest prompt quoted in a finding's detail, in characters. */
export const DETAIL_PROMPT_CHARS = 80;
/** Most prompt texts kept per sampling pass in facts. */
const MAX_PASS_PROMPTS = 4;

/**
 * Shortens text to at most `max` characters (code points, so CJK and emoji are never split), ending in `…`.
 * @example truncate('a red fox in snow', 9) // 'a red fo…'
 */
export function truncate(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** One line, whitespace collapsed, shortened for a sentence. */
function quotable(value: string): string {
  return truncate(value.replace(/\s+/g, ' ').trim(), DETAIL_PROMPT_CHARS);
}

function passFacts(pass: SamplerPass): Record<string, unknown> {
  return compact({
    ...pass,
    prompts: pass.prompts.slice(0, MAX_PASS_PROMPTS).map((p) => truncate(p, FACT_PROMPT_CHARS)),
    negativePrompts: pass.negativePrompts.slice(0, MAX_PASS_PROMPTS).map((p) => truncate(p, FACT_PROMPT_CHARS)),
  });
}

/**
 * The facts kept in the report for a detected generator: the parsed fields with prompts cut to
 * {@link FACT_PROMPT_CHARS}, sampling passes, and any other generator found in the same file.
 */
export function generatorFacts(primary: GeneratorParams, others: readonly GeneratorParams[]): Record<string, unknown> {
  return compact({
    generator: primary.name,
    id: primary.id,
    evidence: primary.evidence,
    source: primary.source,
    prompt: primary.prompt === undefined ? undefined : truncate(primary.prompt, FACT_PROMPT_CHARS),
    negativePrompt:
      primary.negativePrompt === undefined ? undefined : truncate(primary.negativePrompt, FACT_PROMPT_CHARS),
    seed: primary.seed,
    sampler: primary.sampler,
    scheduler: primary.scheduler,
    steps: primary.steps,
    cfgScale: primary.cfgScale,
    model: primary.model,
    modelHash: primary.modelHash,
    size: primary.size,
    version: primary.version,
    samplers: primary.samplers?.map(passFacts),
    extra: primary.extra,
    alsoFound:
      others.length > 0
        ? others.map((o) => compact({ generator: o.name, evidence: o.evidence, source: o.source }))
        : undefined,
  });
}

/** The finding's title: names the generator. */
export function generatorTitle(primary: GeneratorParams): LocalizedText {
  return primary.evidence === 'parameters'
    ? text(`含 AI 生成参数（${primary.name}）`, `Carries AI generation parameters (${primary.name})`)
    : text(`元数据指向 AI 生成工具（${primary.name}）`, `Metadata names an AI generator (${primary.name})`);
}

/** The key facts as short zh / en phrases, in a fixed order (model, sampler, seed, steps, prompt). */
function keyFacts(p: GeneratorParams): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (z: string, e: string) => {
    zh.push(z);
    en.push(e);
  };
  if (p.model) add(`模型 ${p.model}`, `model ${p.model}`);
  if (p.version && p.id === 'midjourney') add(`版本 ${p.version}`, `version ${p.version}`);
  if (p.sampler) add(`采样器 ${p.sampler}`, `sampler ${p.sampler}`);
  if (p.seed) add(`种子 ${p.seed}`, `seed ${p.seed}`);
  if (p.steps !== undefined) add(`${p.steps} 步`, `${p.steps} steps`);
  const jobId = p.extra?.jobId;
  if (typeof jobId === 'string') add(`任务 ID ${jobId}`, `job ID ${jobId}`);
  if (p.prompt) add(`提示词“${quotable(p.prompt)}”`, `prompt "${quotable(p.prompt)}"`);
  return { zh, en };
}

/** The finding's detail: where the parameters were found, the generator, the key facts, and what it means. */
export function generatorDetail(primary: GeneratorParams): LocalizedText {
  const facts = keyFacts(primary);
  const where = primary.source;
  if (primary.evidence === 'hint') {
    const listed = facts.en.length > 0;
    return text(
      `元数据（${where}）指向 AI 图像生成工具 ${primary.name}${listed ? `：${facts.zh.join('，')}` : ''}，但没有找到完整的生成参数。单凭这一标记不能定论，但正常拍摄的照片不会带有它。`,
      `The metadata (${where}) points to the AI image generator ${primary.name}${listed ? `: ${facts.en.join(', ')}` : ''}, but holds no complete generation parameters. This marker alone is not conclusive, but camera photos do not carry it.`,
    );
  }
  const passes = primary.samplers?.length ?? 0;
  const inputs = primary.extra?.inputImages;
  const inputList = Array.isArray(inputs) ? inputs.join(', ') : undefined;
  const zhMore = [
    passes > 1 ? `工作流共有 ${passes} 个采样阶段。` : '',
    inputList ? `工作流还载入了输入图片（用于图生图、局部重绘或图像提示）：${inputList}。` : '',
  ].join('');
  const enMore = [
    passes > 1 ? ` The workflow has ${passes} sampling passes.` : '',
    inputList ? ` The workflow also loads input images (for img2img, inpainting or image prompts): ${inputList}.` : '',
  ].join('');
  const hidden = primary.source.includes('alpha-channel LSB');
  const zhWhere = hidden ? `${where}，藏在透明通道像素的最低位中` : where;
  const enWhere = hidden ? `${where}, hidden in the lowest bit of the alpha channel` : where;
  const zhFacts = facts.zh.length > 0 ? `：${facts.zh.join('，')}` : '';
  const enFacts = facts.en.length > 0 ? `: ${facts.en.join(', ')}` : '';
  return text(
    `文件元数据（${zhWhere}）中含有 ${primary.name} 写入的图像生成参数${zhFacts}。${zhMore}这些参数只由 AI 图像生成工具写入，相机拍摄的照片不会带有。`,
    `The file's metadata (${enWhere}) holds image-generation parameters written by ${primary.name}${enFacts}.${enMore} Only AI image generators write these parameters; camera photos never carry them.`,
  );
}
