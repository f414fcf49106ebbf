/**
 * Deterministic derivatives of a listing photo for the reference-matching tests, made with sharp: the transforms a
 * buyer's copy goes through (recompression, downscaling, cropping, rotation, mirroring, colour changes, borders,
 * a phone screenshot, light regeneration) and painted damage (a crack, a stain). A mask of the painted area goes
 * through the same geometric steps, so the tests know where the damage ended up.
 */
import sharp, { type Sharp } from 'sharp';

/** Raw pixels: RGB for images, one channel for masks. */
export interface Raw {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
}

/** An image and, once damage is painted, the mask of the painted pixels (255 painted, 0 not). */
export interface Variant {
  readonly image: Raw;
  readonly mask?: Raw;
}

/** One transform, applied to the image and (geometric steps only) to the mask. */
export interface Step {
  readonly name: string;
  apply(variant: Variant): Promise<Variant>;
}

async function toRaw(pipeline: Sharp, channels: 1 | 3): Promise<Raw> {
  const p = channels === 1 ? pipeline.extractChannel(0) : pipeline.removeAlpha();
  const { data, info } = await p.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels };
}

function load(raw: Raw): Sharp {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
}

/** A step applying the same geometric sharp operation to the image and the mask (mask background black). */
function geometric(name: string, op: (s: Sharp, raw: Raw, isMask: boolean) => Sharp): Step {
  return {
    name,
    async apply(v) {
      const image = await toRaw(op(load(v.image), v.image, false), 3);
      const mask = v.mask ? await toRaw(op(load(v.mask), v.mask, true), 1) : undefined;
      return mask ? { image, mask } : { image };
    },
  };
}

/** A step changing only pixel values. */
function photometric(name: string, op: (s: Sharp) => Sharp): Step {
  return { name, apply: async (v) => ({ ...v, image: await toRaw(op(load(v.image)), 3) }) };
}

/** Decodes a file's bytes to RGB (EXIF orientation applied, alpha flattened on white). */
export async function decodeRgb(bytes: Uint8Array): Promise<Variant> {
  return { image: await toRaw(sharp(bytes).rotate().flatten({ background: '#ffffff' }), 3) };
}

/** JPEG recompression at `quality`. */
export function jpeg(quality: number): Step {
  return {
    name: `jpeg q${quality}`,
    async apply(v) {
      const bytes = await load(v.image).jpeg({ quality }).toBuffer();
      return { ...v, image: await toRaw(sharp(bytes), 3) };
    },
  };
}

/** Downscale to `factor` of the size (0..1). */
export function scale(factor: number): Step {
  return geometric(`scale ${Math.round(factor * 100)}%`, (s, raw) =>
    s.resize(Math.max(8, Math.round(raw.width * factor)), Math.max(8, Math.round(raw.height * factor)), {
      kernel: 'lanczos3',
    }),
  );
}

/** Crop to `share` of each side, placed at (`ax`, `ay`) ∈ 0..1 of the free room. */
export function crop(share: number, ax = 0.5, ay = 0.5): Step {
  return geometric(`crop ${Math.round(share * 100)}%`, (s, raw) => {
    const width = Math.round(raw.width * share);
    const height = Math.round(raw.height * share);
    return s.extract({
      left: Math.round((raw.width - width) * ax),
      top: Math.round((raw.height - height) * ay),
      width,
      height,
    });
  });
}

/** Rotation by `degrees` (clockwise), the canvas enlarged and filled with `fill`. */
export function rotate(degrees: number, fill = '#ffffff'): Step {
  return geometric(`rotate ${degrees}°`, (s, _raw, isMask) =>
    s.rotate(degrees, { background: isMask ? '#000000' : fill }),
  );
}

/** Mirror image (left↔right). */
export function mirror(): Step {
  return geometric('mirror', (s) => s.flop());
}

/** Brightness, saturation and contrast factors (1 = unchanged). */
export function colour(brightness: number, saturation: number, contrast: number): Step {
  return photometric(`colour b${brightness} s${saturation} c${contrast}`, (s) =>
    s.modulate({ brightness, saturation }).linear(contrast, 128 * (1 - contrast)),
  );
}

/** Letter-boxing: pad to the aspect `width / height` with bars of `fill`. */
export function letterbox(aspect: number, fill = '#000000'): Step {
  return geometric(`letterbox ${aspect.toFixed(2)}`, (s, raw, isMask) => {
    const current = raw.width / raw.height;
    const padX = current < aspect ? Math.round((raw.height * aspect - raw.width) / 2) : 0;
    const padY = current > aspect ? Math.round((raw.width / aspect - raw.height) / 2) : 0;
    return s.extend({ top: padY, bottom: padY, left: padX, right: padX, background: isMask ? '#000000' : fill });
  });
}

/**
 * The photo shown in a shopping app on a phone and screenshotted: a 1170×2532 white screen, a status bar (time,
 * signal, battery), an app bar, the photo full width with rounded corners, and a price line below.
 */
export function phoneScreenshot(): Step {
  const W = 1170;
  const H = 2532;
  const top = 300;
  const chrome = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">` +
      `<rect width="${W}" height="${H}" fill="#ffffff"/>` +
      `<text x="90" y="95" font-family="sans-serif" font-size="50" font-weight="bold" fill="#000">9:41</text>` +
      `<rect x="900" y="60" width="60" height="36" rx="6" fill="#000"/>` +
      `<rect x="990" y="56" width="90" height="44" rx="10" fill="none" stroke="#000" stroke-width="5"/>` +
      `<rect x="998" y="64" width="60" height="28" rx="5" fill="#000"/>` +
      `<rect y="150" width="${W}" height="120" fill="#f4f4f4"/>` +
      `<text x="80" y="230" font-family="sans-serif" font-size="54" fill="#333">‹  商品详情</text>` +
      `<text x="60" y="${H - 700}" font-family="sans-serif" font-size="64" fill="#e4393c">¥ 199.00</text>` +
      `<text x="60" y="${H - 580}" font-family="sans-serif" font-size="48" fill="#333">Tote bag, black</text>` +
      `</svg>`,
  );
  return {
    name: 'phone screenshot',
    async apply(v) {
      const height = Math.round((v.image.height * W) / v.image.width);
      const rounded = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}"><rect width="${W}" height="${height}" rx="48" fill="#fff"/></svg>`,
      );
      const photo = await load(v.image)
        .resize(W, height)
        .ensureAlpha()
        .composite([{ input: rounded, blend: 'dest-in' }])
        .png()
        .toBuffer();
      const image = await toRaw(sharp(chrome).composite([{ input: photo, left: 0, top }]), 3);
      if (!v.mask) return { image };
      const maskPhoto = await load(v.mask).resize(W, height).png().toBuffer();
      const mask = await toRaw(
        sharp({ create: { width: W, height: H, channels: 3, background: '#000' } }).composite([
          { input: maskPhoto, left: 0, top },
        ]),
        1,
      );
      return { image, mask };
    },
  };
}

/** Light regeneration: a slight blur, deterministic noise (±`amplitude`), and JPEG at quality 80. */
export function regenerate(seed: number, amplitude = 6): Step {
  return {
    name: 'regenerate',
    async apply(v) {
      const blurred = await toRaw(load(v.image).blur(0.8), 3);
      const data = Buffer.from(blurred.data);
      let state = seed >>> 0;
      for (let i = 0; i < data.length; i++) {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        data[i] = Math.max(0, Math.min(255, data[i]! + Math.round(((state >>> 8) / 2 ** 24 - 0.5) * 2 * amplitude)));
      }
      const image = await toRaw(
        sharp(
          await load({ ...blurred, data })
            .jpeg({ quality: 80 })
            .toBuffer(),
        ),
        3,
      );
      return { ...v, image };
    },
  };
}

/** Runs steps in order. */
export async function applySteps(variant: Variant, steps: readonly Step[]): Promise<Variant> {
  let v = variant;
  for (const step of steps) v = await step.apply(v);
  return v;
}

/** Deterministic jittered points for a crack from (x0, y0) to (x1, y1). */
function crackPoints(x0: number, y0: number, x1: number, y1: number, seed: number): string {
  let state = seed >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const points: string[] = [];
  const n = 14;
  const length = Math.hypot(x1 - x0, y1 - y0);
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const jitter = i === 0 || i === n ? 0 : rand() * length * 0.08;
    const nx = -(y1 - y0) / length;
    const ny = (x1 - x0) / length;
    points.push(`${(x0 + (x1 - x0) * t + nx * jitter).toFixed(1)},${(y0 + (y1 - y0) * t + ny * jitter).toFixed(1)}`);
  }
  return points.join(' ');
}

/**
 * Paints damage on the image: a dark crack polyline or a brown stain blob, placed at (`cx`, `cy`) ∈ 0..1 of the
 * frame with a size of `size` of the shorter side. Returns the painted image and its mask.
 */
export async function paint(
  v: Variant,
  kind: 'crack' | 'stain',
  options: { cx?: number; cy?: number; size?: number; seed?: number } = {},
): Promise<Variant> {
  const { width: W, height: H } = v.image;
  const cx = (options.cx ?? 0.5) * W;
  const cy = (options.cy ?? 0.5) * H;
  const r = ((options.size ?? 0.3) * Math.min(W, H)) / 2;
  const stroke = Math.max(2, Math.round(Math.min(W, H) / 250));
  const shape = (paintColour: string, isMask: boolean) =>
    kind === 'crack'
      ? `<polyline points="${crackPoints(cx - r, cy - r * 0.6, cx + r, cy + r * 0.6, options.seed ?? 7)}" fill="none" stroke="${paintColour}" stroke-width="${stroke}" stroke-linejoin="round"/>`
      : `<ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${r * 0.7}" fill="${paintColour}" ${isMask ? '' : 'fill-opacity="0.55"'}/>`;
  const svg = (colour: string, isMask: boolean) =>
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${shape(colour, isMask)}</svg>`);
  // A crack shows dark on a light surface and light (bare material) on a dark one.
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, Math.round(cy - r)); y < Math.min(H, Math.round(cy + r)); y++) {
    for (let x = Math.max(0, Math.round(cx - r)); x < Math.min(W, Math.round(cx + r)); x++) {
      const i = (y * W + x) * 3;
      sum += 0.299 * v.image.data[i]! + 0.587 * v.image.data[i + 1]! + 0.114 * v.image.data[i + 2]!;
      count++;
    }
  }
  const dark = count > 0 && sum / count < 100;
  const colour = kind === 'crack' ? (dark ? '#d8d2c8' : '#1a1410') : dark ? '#b07a40' : '#7a4a1c';
  const image = await toRaw(load(v.image).composite([{ input: svg(colour, false) }]), 3);
  const mask = await toRaw(
    sharp({ create: { width: W, height: H, channels: 3, background: '#000' } }).composite([
      { input: svg('#fff', true) },
    ]),
    1,
  );
  return { image, mask };
}

/** Encodes a variant as JPEG (quality 90 by default) or PNG. */
export function encode(v: Variant, format: 'jpeg' | 'png' = 'jpeg', quality = 90): Promise<Buffer> {
  const s = load(v.image);
  return format === 'png' ? s.png().toBuffer() : s.jpeg({ quality }).toBuffer();
}

/** Bounding box of the mask's painted pixels (> 127), or undefined when none survived. */
export function maskBox(mask: Raw): { x: number; y: number; w: number; h: number } | undefined {
  let minX = mask.width;
  let minY = mask.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x]! <= 127) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return maxX < 0 ? undefined : { x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1 };
}

/** Intersection over union of two boxes, 0..1. */
export function boxIou(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): number {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = w * h;
  return inter / (a.w * a.h + b.w * b.h - inter);
}

/** The bounding box of several boxes. */
export function unionBox(
  boxes: readonly { x: number; y: number; w: number; h: number }[],
): { x: number; y: number; w: number; h: number } | undefined {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
