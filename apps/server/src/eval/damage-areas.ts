/**
 * Area-shaped damage painted onto a canvas: stains (irregular soft blobs, multiply or colour-burn blended, in
 * coffee / oil / ink colours), dents (a local shading gradient as from a bump lit from one side) and burn marks
 * (a dark-brown radial gradient with noise).
 */
import type { DamageStyle } from './damage-lines.js';
import { fbm, smoothstep, valueNoise, type Noise2D } from './noise-field.js';
import { blendLayer, fillLayer, newLayer, type PaintCanvas } from './paint-canvas.js';
import type { Rng } from './prng.js';
import type { Box } from './raster.js';

/** Stain colours as multiply factors (0..1 per channel). */
export const STAIN_COLOURS = {
  coffee: [0.6, 0.43, 0.26],
  oil: [0.55, 0.52, 0.38],
  blue_ink: [0.24, 0.3, 0.62],
  black_ink: [0.2, 0.2, 0.23],
} as const satisfies Record<string, readonly [number, number, number]>;

/** Normalised polar coordinates around an ellipse fitted in `box`, rotated by `angle`. */
function ellipse(box: Box, angle: number, fill = 0.85) {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const rx = (box.w / 2) * fill;
  const ry = (box.h / 2) * fill;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return (x: number, y: number) => {
    const dx = x - cx;
    const dy = y - cy;
    const ux = (dx * cos + dy * sin) / rx;
    const uy = (-dx * sin + dy * cos) / ry;
    return { ux, uy, rho: Math.sqrt(ux * ux + uy * uy), theta: Math.atan2(uy, ux) };
  };
}

/** A wobbly outline: 1 + Σ aₖ cos(kθ + φₖ) for k = 2..5. */
function outline(rng: Rng, amount: number): (theta: number) => number {
  const terms = [2, 3, 4, 5].map((k) => ({
    k,
    a: rng.uniform(0, amount) / (k - 1),
    phase: rng.uniform(0, 2 * Math.PI),
  }));
  return (theta) => 1 + terms.reduce((s, t) => s + t.a * Math.cos(t.k * theta + t.phase), 0);
}

/** A stain: a soft irregular blob (with a darker rim for coffee, satellite drops), multiply or colour burn. */
export function paintStain(canvas: PaintCanvas, box: Box, strength: number, rng: Rng): DamageStyle {
  const colourName = rng.pick(Object.keys(STAIN_COLOURS) as (keyof typeof STAIN_COLOURS)[]);
  const colour = STAIN_COLOURS[colourName];
  const mode = rng.chance(0.6) ? 'multiply' : 'color_burn';
  const at = ellipse(box, rng.uniform(0, Math.PI));
  const wobble = outline(rng, 0.3);
  const noise = fbm(valueNoise(rng), 4);
  const texture = fbm(valueNoise(rng), 3);
  const softness = rng.uniform(0.06, 0.25);
  const rim = colourName === 'coffee' ? rng.uniform(0.3, 0.7) : 0;
  const layer = newLayer(canvas);
  fillLayer(layer, box, (x, y) => {
    const { ux, uy, rho, theta } = at(x, y);
    const u = rho / wobble(theta) + 0.22 * noise(ux * 2 + 5, uy * 2 + 5);
    if (u >= 1) return 0;
    const body = 1 - smoothstep(1 - softness, 1, u);
    const ring = rim * Math.exp(-(((1 - u) / 0.07) ** 2));
    return body * (0.65 + 0.2 * texture(ux * 3, uy * 3)) + ring;
  });
  const drops = rng.int(0, 4);
  for (let d = 0; d < drops; d++) {
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = Math.min(box.w, box.h) * rng.uniform(0.03, 0.08);
    const cx = box.x + box.w / 2 + Math.cos(angle) * box.w * 0.45;
    const cy = box.y + box.h / 2 + Math.sin(angle) * box.h * 0.45;
    fillLayer(layer, { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r }, (x, y) => {
      const rho = Math.hypot(x - cx, y - cy) / r;
      return 0.8 * (1 - smoothstep(0.7, 1, rho));
    });
  }
  blendLayer(canvas, layer, strength, (rgb, a) => {
    for (let c = 0; c < 3; c++) {
      const base = rgb[c]!;
      const s = colour[c]!;
      const blended = mode === 'multiply' ? base * s : 255 - Math.min(255, ((255 - base) * 255) / Math.max(1, s * 255));
      rgb[c] = base + (blended - base) * a;
    }
  });
  return { colour: colourName, blend: mode, softness: round2(softness), drops };
}

/** A dent: an elliptic bump's slope lit from one side (one half darker, the other lighter), sometimes a crease. */
export function paintDent(canvas: PaintCanvas, box: Box, strength: number, rng: Rng): DamageStyle {
  const at = ellipse(box, rng.uniform(0, Math.PI), 0.95);
  const light = rng.uniform(0, 2 * Math.PI);
  const [lx, ly] = [Math.cos(light), Math.sin(light)];
  const depth = rng.uniform(0.3, 0.65) * strength;
  const crease = rng.chance(0.5);
  const creaseAngle = rng.uniform(0, Math.PI);
  const grain: Noise2D = fbm(valueNoise(rng), 2);
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(canvas.width, Math.ceil(box.x + box.w));
  const y1 = Math.min(canvas.height, Math.ceil(box.y + box.h));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const { ux, uy, rho } = at(x + 0.5, y + 0.5);
      if (rho >= 1) continue;
      // h(ρ) = (1 − ρ²)², a smooth bowl; its gradient is −4(1 − ρ²)·(ux, uy).
      const g = -4 * (1 - rho * rho);
      let shade = depth * 0.5 * g * (ux * lx + uy * ly) * (1 + 0.15 * grain(ux * 2, uy * 2));
      if (crease) {
        const across = Math.abs(-ux * Math.sin(creaseAngle) + uy * Math.cos(creaseAngle));
        shade -= depth * 0.6 * Math.exp(-((across / 0.05) ** 2)) * (1 - rho);
      }
      const k = (y * canvas.width + x) * 3;
      for (let c = 0; c < 3; c++) canvas.data[k + c] = canvas.data[k + c]! * (1 + shade);
    }
  }
  return { depth: round2(depth), lightDeg: Math.round((light * 180) / Math.PI), crease: crease ? 1 : 0 };
}

/** A burn mark: charred core, brown ring, scorched halo; edges and darkness broken up by noise. */
export function paintBurn(canvas: PaintCanvas, box: Box, strength: number, rng: Rng): DamageStyle {
  const at = ellipse(box, rng.uniform(0, Math.PI), 0.8);
  const edge = fbm(valueNoise(rng), 4);
  const speckle = fbm(valueNoise(rng), 3);
  const char = [rng.uniform(12, 30), rng.uniform(8, 20), rng.uniform(5, 14)] as const;
  const brown = [rng.uniform(95, 135), rng.uniform(50, 75), rng.uniform(18, 35)] as const;
  const halo = [0.82, 0.64, 0.45] as const;
  const layer = newLayer(canvas);
  const grown = { x: box.x - box.w * 0.1, y: box.y - box.h * 0.1, w: box.w * 1.2, h: box.h * 1.2 };
  const u = (x: number, y: number) => {
    const p = at(x, y);
    return p.rho / (1 + 0.35 * edge(p.ux * 1.5 + 9, p.uy * 1.5 + 9));
  };
  fillLayer(layer, grown, (x, y) => 1 - smoothstep(0.85, 1.3, u(x, y)));
  blendLayer(canvas, layer, 1, (rgb, a, p) => {
    const x = (p % canvas.width) + 0.5;
    const y = Math.floor(p / canvas.width) + 0.5;
    const t = u(x, y);
    const n = 0.8 + 0.4 * speckle(x / 6, y / 6);
    const ring = smoothstep(0.25, 0.8, t);
    const cover = strength * (1 - smoothstep(0.7, 1.0, t));
    const scorch = strength * a * smoothstep(0.45, 0.9, t);
    for (let c = 0; c < 3; c++) {
      const target = (char[c]! + (brown[c]! - char[c]!) * ring) * n;
      let v = rgb[c]! + (target - rgb[c]!) * cover;
      v *= 1 + (halo[c]! - 1) * scorch;
      rgb[c] = v;
    }
  });
  return { char: char.map(Math.round).join(','), brown: brown.map(Math.round).join(',') };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
