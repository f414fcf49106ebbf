/**
 * The benchmark's cases: which ones a run has (planning, cheap) and each one's bytes (generation). Every case
 * draws from its own random stream, seeded by `${seed}:${kind}:${index}`, so a case is byte-identical across
 * runs with the same seed whatever the count.
 */
import { DAMAGE_TYPES, paintDamage, type DamageFacts, type DamageType } from './paint-damage.js';
import { createRng, type Rng } from './prng.js';
import { maskArea, type MaskRaster } from './raster.js';
import type { ReferenceFile } from './reference-files.js';
import type { SourcePhoto } from './eval-sources.js';
import { decodeRgb, encodeJpeg, encodePng, orientedSize } from './sharp-raster.js';
import { applyStep, TRANSFORM_KINDS, type AppliedStep, type Frame, type TransformKind } from './transform-steps.js';

export type CaseKind = 'forgery' | 'negative' | 'derivative';

/** Transform categories of forgeries and unedited derivatives: none, each transform alone, or 2–3 combined. */
export const TRANSFORM_CATEGORIES = ['none', ...TRANSFORM_KINDS, 'combination'] as const;
export type TransformCategory = (typeof TRANSFORM_CATEGORIES)[number];

/** Kinds of genuine negatives. */
export const NEGATIVE_TYPES = [
  'camera_original',
  'camera_messaging',
  'listing_other',
  'same_product_other_angle',
] as const;
export type NegativeType = (typeof NEGATIVE_TYPES)[number];
/** The order negatives cycle through: other listings twice as often as each other kind (20/20/40/20 %). */
const NEGATIVE_CYCLE: readonly NegativeType[] = [
  'camera_original',
  'camera_messaging',
  'listing_other',
  'same_product_other_angle',
  'listing_other',
];

/** Forged photos are painted at most this many pixels on the long side (a platform-served listing size). */
export const WORK_MAX_SIDE = 1600;

/** One planned case. */
export interface CaseSpec {
  readonly id: string;
  readonly kind: CaseKind;
  readonly index: number;
  /** Transform category (forgeries, derivatives) or negative type. */
  readonly category: TransformCategory | NegativeType;
  readonly damage?: DamageType;
  /** The selection photo it starts from. */
  readonly source: string;
}

/** One generated case: the photo to check and what is true about it. */
export interface EvalCase extends CaseSpec {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly format: 'jpeg' | 'png';
  readonly width: number;
  readonly height: number;
  /** The reference file it derives from (forgeries, derivatives). */
  readonly reference?: string;
  readonly steps: readonly AppliedStep[];
  readonly damageFacts?: DamageFacts;
  /** The damage mask in this photo's own pixels (forgeries). */
  readonly mask?: MaskRaster;
}

/** How many cases of each kind a run of `count` has: 40 % negatives, 10 % derivatives, the rest forgeries. */
export function caseCounts(count: number): Record<CaseKind, number> {
  if (!Number.isInteger(count) || count < 3) throw new RangeError(`count must be an integer ≥ 3, not ${count}`);
  const negative = Math.max(1, Math.floor(count * 0.4));
  const derivative = Math.max(1, Math.floor(count * 0.1));
  return { forgery: count - negative - derivative, negative, derivative };
}

/** A pool's photos in a seeded order; the n-th case of a kind takes the (n mod size)-th. */
function ordered(seed: string, name: string, pool: readonly SourcePhoto[]): SourcePhoto[] {
  return createRng(`${seed}:pool:${name}`).shuffle(pool);
}

/** The n-th photo of a pool (cycling). @throws {Error} when the pool is empty */
function nth(pool: readonly SourcePhoto[], n: number, name: string): SourcePhoto {
  if (pool.length === 0) throw new Error(`the evaluation's selection has no photos for ${name}`);
  return pool[n % pool.length]!;
}

/**
 * Plans a run: forgeries cycle through transform categories (11) and damage types (6) together, so 66
 * consecutive forgeries hold every pair once; negatives cycle through {@link NEGATIVE_CYCLE} (leaving out a kind
 * the selection has no photos for).
 * @throws {RangeError} for a count under 3; {@link Error} when a pool the plan needs is empty
 */
export function planCases(seed: string, count: number, sources: readonly SourcePhoto[]): CaseSpec[] {
  const counts = caseCounts(count);
  const referencePool = sources.filter((s) => s.role === 'reference');
  const references = ordered(seed, 'references', referencePool);
  const holdout = sources.filter((s) => s.role === 'holdout');
  const cameras = holdout.filter((s) => s.kind === 'camera');
  const listings = holdout.filter((s) => s.kind === 'listing' && !isOtherAngle(s, sources));
  const angles = holdout.filter((s) => isOtherAngle(s, sources));
  // Separate orders for the two camera kinds, so the n-th original and the n-th messaging copy differ.
  const pools: Record<NegativeType, SourcePhoto[]> = {
    camera_original: ordered(seed, 'camera-original', cameras),
    camera_messaging: ordered(seed, 'camera-messaging', cameras),
    listing_other: ordered(seed, 'listing', listings),
    same_product_other_angle: ordered(seed, 'angle', angles),
  };
  const specs: CaseSpec[] = [];
  const id = (kind: CaseKind, i: number) => `${kind}-${String(i + 1).padStart(4, '0')}`;
  for (let i = 0; i < counts.forgery; i++) {
    specs.push({
      id: id('forgery', i),
      kind: 'forgery',
      index: i,
      category: TRANSFORM_CATEGORIES[i % TRANSFORM_CATEGORIES.length]!,
      damage: DAMAGE_TYPES[i % DAMAGE_TYPES.length]!,
      source: nth(references, i, 'references').id,
    });
  }
  // A selection without photos for a kind of negative (the tests' fixtures have no second angle) skips it.
  const cycle = NEGATIVE_CYCLE.filter((type) => pools[type].length > 0);
  if (cycle.length === 0) throw new Error("the evaluation's selection has no holdout photos for negatives");
  const seen: Partial<Record<NegativeType, number>> = {};
  for (let i = 0; i < counts.negative; i++) {
    const category = cycle[i % cycle.length]!;
    const n = (seen[category] = (seen[category] ?? -1) + 1);
    const source = nth(pools[category], n, category).id;
    specs.push({ id: id('negative', i), kind: 'negative', index: i, category, source });
  }
  for (let i = 0; i < counts.derivative; i++) {
    specs.push({
      id: id('derivative', i),
      kind: 'derivative',
      index: i,
      category: TRANSFORM_CATEGORIES[(i * 7) % TRANSFORM_CATEGORIES.length]!,
      // Start half-way through the order so derivatives and forgeries use different references first.
      source: nth(references, i + (references.length >> 1), 'references').id,
    });
  }
  return specs;
}

/** A holdout photo whose product has a reference photo (another angle of it). */
function isOtherAngle(photo: SourcePhoto, sources: readonly SourcePhoto[]): boolean {
  return photo.product !== undefined && sources.some((s) => s.role === 'reference' && s.product === photo.product);
}

/** The transform kinds of a category: none, one, or 2–3 distinct ones in canonical order. */
function stepsFor(category: TransformCategory, rng: Rng): TransformKind[] {
  if (category === 'none') return [];
  if (category !== 'combination') return [category];
  const picked = rng.shuffle(TRANSFORM_KINDS).slice(0, rng.int(2, 3));
  return TRANSFORM_KINDS.filter((k) => picked.includes(k));
}

/** Final bytes: the last lossy encoding when nothing came after it, PNG after a screenshot, else JPEG q88–95. */
async function finish(frame: Frame, steps: readonly AppliedStep[], rng: Rng) {
  if (frame.encoded) return { bytes: frame.encoded, format: 'jpeg' as const };
  const last = steps[steps.length - 1]?.kind;
  const png = last === 'screenshot' || (last === undefined && rng.chance(0.5));
  if (png) return { bytes: await encodePng(frame.image), format: 'png' as const };
  return { bytes: await encodeJpeg(frame.image, rng.int(88, 95)), format: 'jpeg' as const };
}

/** Inputs of {@link generateCase}. */
export interface CaseInputs {
  readonly seed: string;
  readonly sources: readonly SourcePhoto[];
  /** Raw bytes of every selection photo, by id. */
  readonly sourceBytes: ReadonlyMap<string, Uint8Array>;
  /** The reference files as the merchant has them, by source id. */
  readonly references: ReadonlyMap<string, ReferenceFile>;
  /** Longest side forgeries are painted at (default {@link WORK_MAX_SIDE}); tests use small pictures. */
  readonly workMaxSide?: number;
}

/**
 * Generates one planned case.
 * @throws {Error} when its source is unknown or a forgery's mask ends up empty in four attempts
 */
export async function generateCase(spec: CaseSpec, inputs: CaseInputs): Promise<EvalCase> {
  const photo = inputs.sources.find((s) => s.id === spec.source);
  const raw = inputs.sourceBytes.get(spec.source);
  if (!photo || !raw) throw new Error(`unknown source photo ${spec.source}`);
  if (spec.kind === 'negative')
    return negativeCase(spec, photo, raw, createRng(`${inputs.seed}:negative:${spec.index}`));
  const reference = inputs.references.get(spec.source);
  if (!reference) throw new Error(`${spec.source} is not a reference`);
  for (let attempt = 0; attempt < 4; attempt++) {
    const rng = createRng(`${inputs.seed}:${spec.kind}:${spec.index}${attempt > 0 ? `:retry${attempt}` : ''}`);
    const start = await decodeRgb(reference.bytes, inputs.workMaxSide ?? WORK_MAX_SIDE);
    let frame: Frame = { image: start };
    let damageFacts: DamageFacts | undefined;
    if (spec.kind === 'forgery') {
      const painted = paintDamage(start, spec.damage ?? 'crack', rng);
      frame = { image: painted.image, mask: painted.mask };
      damageFacts = painted.facts;
    }
    const steps: AppliedStep[] = [];
    for (const kind of stepsFor(spec.category as TransformCategory, rng)) {
      const applied = await applyStep(kind, frame, rng);
      frame = applied.frame;
      steps.push(applied.step);
    }
    if (frame.mask && maskArea(frame.mask) === 0) continue;
    const { bytes, format } = await finish(frame, steps, rng);
    return {
      ...spec,
      file: `${spec.id}.${format === 'png' ? 'png' : 'jpg'}`,
      bytes,
      format,
      width: frame.image.width,
      height: frame.image.height,
      reference: reference.file,
      steps,
      ...(damageFacts ? { damageFacts } : {}),
      ...(frame.mask ? { mask: frame.mask } : {}),
    };
  }
  throw new Error(`${spec.id}: the damage mask came out empty in four attempts`);
}

/** A genuine photo: a camera original, a messaging-app copy, another listing, another angle of a product. */
async function negativeCase(spec: CaseSpec, photo: SourcePhoto, raw: Uint8Array, rng: Rng): Promise<EvalCase> {
  const steps: AppliedStep[] = [];
  const recode = async (maxSide: number, quality: number, png = false) => {
    const image = await decodeRgb(raw, maxSide, photo.background);
    steps.push({ kind: 'jpeg', params: { maxSide, ...(png ? { png: 1 } : { quality }) } });
    return png
      ? { bytes: await encodePng(image), format: 'png' as const }
      : { bytes: await encodeJpeg(image, quality), format: 'jpeg' as const };
  };
  let out: { bytes: Uint8Array; format: 'jpeg' | 'png' } = { bytes: raw, format: 'jpeg' };
  if (spec.category === 'camera_messaging') {
    out = await recode(rng.pick([960, 1080, 1280, 1600]), rng.int(70, 85));
  } else if (photo.background !== undefined) {
    // A mock-up with transparency: the shop's flattened image, as JPEG or PNG, sometimes smaller.
    out = await recode(rng.pick([800, 1000, 1400, 2000]), rng.int(80, 95), rng.chance(0.3));
  } else if (spec.category === 'listing_other' && rng.chance(0.5)) {
    out = await recode(rng.pick([640, 800, 1080, 1600]), rng.int(70, 92));
  }
  const size = await orientedSize(out.bytes);
  return {
    ...spec,
    file: `${spec.id}.${out.format === 'png' ? 'png' : 'jpg'}`,
    ...out,
    width: size.width,
    height: size.height,
    steps,
  };
}
