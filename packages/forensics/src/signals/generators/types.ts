/** The image generators whose metadata we recognise. `other`: a generator named only by a software tag. */
export type GeneratorId =
  | 'a1111'
  | 'forge'
  | 'sdnext'
  | 'civitai'
  | 'comfyui'
  | 'invokeai'
  | 'novelai'
  | 'fooocus'
  | 'midjourney'
  | 'draw-things'
  | 'swarmui'
  | 'other';

/**
 * How strong the trace is. `parameters`: generation parameters parsed unambiguously (a prompt with a sampler or
 * seed, a node graph). `hint`: only a name or marker (a software tag, Midjourney flags without a job id).
 */
export type GeneratorEvidence = 'parameters' | 'hint';

/** One sampling pass of a node graph (ComfyUI runs several: base + refiner, high-res fix, regional prompts). */
export interface SamplerPass {
  /** The sampler node's id in the graph. */
  readonly nodeId: string;
  readonly sampler?: string;
  readonly scheduler?: string;
  /** Decimal string: seeds reach 2^64, beyond exact JavaScript numbers. */
  readonly seed?: string;
  readonly steps?: number;
  readonly cfgScale?: number;
  /** 0..1; below 1 means the pass started from an existing image or latent (img2img, high-res fix). */
  readonly denoise?: number;
  readonly model?: string;
  readonly loras?: readonly string[];
  /** Positive prompt texts feeding this pass (several with regional or combined conditioning). */
  readonly prompts: readonly string[];
  readonly negativePrompts: readonly string[];
}

/** A value of {@link GeneratorParams.extra}. */
export type ExtraValue = string | number | boolean | readonly string[];

/** Generation parameters read from one image, untruncated. */
export interface GeneratorParams {
  readonly id: GeneratorId;
  /** Display name, e.g. `ComfyUI`, `Stable Diffusion WebUI (AUTOMATIC1111)`. */
  readonly name: string;
  readonly evidence: GeneratorEvidence;
  /** Where it was read, e.g. `PNG text "parameters"`, `EXIF UserComment`, `XMP dc:description`. */
  readonly source: string;
  readonly prompt?: string;
  readonly negativePrompt?: string;
  /** Decimal string (exact even above 2^53). */
  readonly seed?: string;
  readonly sampler?: string;
  readonly scheduler?: string;
  readonly steps?: number;
  readonly cfgScale?: number;
  readonly model?: string;
  readonly modelHash?: string;
  /** `WIDTHxHEIGHT` as the generator wrote it. */
  readonly size?: string;
  /** Generator version string, when written. */
  readonly version?: string;
  /** Every sampling pass, for node graphs. */
  readonly samplers?: readonly SamplerPass[];
  /** A few more generator-specific facts (short values only; never whole workflows). */
  readonly extra?: Readonly<Record<string, ExtraValue>>;
}

/** A text value found in the file's metadata, keyed for the parsers. */
export interface TextField {
  /**
   * Lower-case key: a PNG text keyword as is (`parameters`, `prompt`, `comment`…), or a namespaced tag
   * (`exif:usercomment`, `xmp:description`, `xmp:creatortool`, `iptc:caption`…).
   */
  readonly key: string;
  /** Human-readable origin, e.g. `PNG tEXt "parameters"`. */
  readonly source: string;
  readonly text: string;
}

/** A parser: reads the fields it knows and returns what it recognised, or nothing. Never throws. */
export type GeneratorDetector = (fields: readonly TextField[]) => GeneratorParams | undefined;

/** The fields with one of the given keys, in the order given (then document order). */
export function fieldsWithKey(fields: readonly TextField[], ...keys: string[]): TextField[] {
  return keys.flatMap((key) => fields.filter((f) => f.key === key));
}

/** The first field with one of the given keys. */
export function firstField(fields: readonly TextField[], ...keys: string[]): TextField | undefined {
  return fieldsWithKey(fields, ...keys)[0];
}

/** A finite number from a JSON or text value, or undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** A seed as an exact decimal string, or undefined. */
export function toSeed(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return value.trim();
  return undefined;
}

/** A non-empty trimmed string, or undefined. */
export function toText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Drops `undefined` members so optional fields stay absent (reports are compared and serialised). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Extra facts without the absent ones; undefined when none is left. */
export function extraFacts(
  values: Readonly<Record<string, ExtraValue | undefined>>,
): Record<string, ExtraValue> | undefined {
  const entries = Object.entries(values).filter((e): e is [string, ExtraValue] => e[1] !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
