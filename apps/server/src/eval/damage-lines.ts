/**
 * Line-shaped damage painted onto a canvas: cracks (branching random walks, dark with a light edge), shattered
 * glass (radial cracks and rings around an impact point) and tears (a jagged line with one side displaced).
 */
import { fbm, valueNoise } from './noise-field.js';
import {
  blendLayer,
  mixToward,
  newLayer,
  strokePolyline,
  type Layer,
  type PaintCanvas,
  type Point,
} from './paint-canvas.js';
import type { Rng } from './prng.js';
import type { Box, RgbRaster } from './raster.js';

/** What a painter reports about the damage it drew (kept in the case's facts). */
export type DamageStyle = Readonly<Record<string, string | number>>;

/** One stroke: points and a width per point. */
interface Stroke {
  readonly points: Point[];
  readonly widths: number[];
}

const inside = (box: Box, [x, y]: Point, margin: number) =>
  x >= box.x - margin && x <= box.x + box.w + margin && y >= box.y - margin && y <= box.y + box.h + margin;

/** A branching random walk inside `box`, starting near one end of its long axis. */
function crackStrokes(rng: Rng, box: Box, width: number): Stroke[] {
  const strokes: Stroke[] = [];
  const diagonal = Math.hypot(box.w, box.h);
  const step = Math.max(1.5, diagonal / 140);
  const horizontal = box.w >= box.h;
  const start: Point = horizontal
    ? [box.x + box.w * rng.uniform(0.02, 0.2), box.y + box.h * rng.uniform(0.3, 0.7)]
    : [box.x + box.w * rng.uniform(0.3, 0.7), box.y + box.h * rng.uniform(0.02, 0.2)];
  const heading = (horizontal ? 0 : Math.PI / 2) + rng.gaussian() * 0.25;
  const queue: { from: Point; angle: number; length: number; width: number }[] = [
    { from: start, angle: heading, length: diagonal * rng.uniform(0.8, 1.1), width },
  ];
  while (queue.length > 0 && strokes.length < 32) {
    const { from, angle: a0, length, width: w0 } = queue.shift()!;
    const points: Point[] = [from];
    const widths = [w0];
    let angle = a0;
    let [x, y] = from;
    const steps = Math.max(2, Math.round(length / step));
    for (let s = 1; s <= steps; s++) {
      // Jagged: small wobble every step, a sharp kink now and then, pulled back toward the heading.
      angle += rng.gaussian() * 0.4 + (rng.chance(0.08) ? rng.gaussian() * 0.9 : 0) + (a0 - angle) * 0.15;
      x += Math.cos(angle) * step;
      y += Math.sin(angle) * step;
      if (!inside(box, [x, y], step)) break;
      points.push([x, y]);
      widths.push(Math.max(0.6, w0 * (1 - (0.7 * s) / steps) * rng.uniform(0.6, 1.15)));
      if (s > 2 && s < steps - 3 && rng.chance(0.045)) {
        queue.push({
          from: [x, y],
          angle: angle + (rng.chance(0.5) ? 1 : -1) * rng.uniform(0.35, 1.2),
          length: (length - s * step) * rng.uniform(0.2, 0.55),
          width: w0 * 0.6,
        });
      }
    }
    if (points.length >= 2) strokes.push({ points, widths });
  }
  return strokes;
}

/** Draws strokes as cracks: a light edge offset down-right, then a dark core. */
function drawCracks(canvas: PaintCanvas, strokes: readonly Stroke[], dark: number, strength: number): void {
  const edge = newLayer(canvas);
  const core = newLayer(canvas);
  for (const { points, widths } of strokes) {
    const offset = Math.max(...widths) * 0.5 + 0.5;
    strokePolyline(
      edge,
      points.map(([x, y]) => [x + offset, y + offset] as const),
      widths.map((w) => w * 0.9),
    );
    strokePolyline(core, points, widths);
  }
  blendLayer(canvas, edge, strength * 0.45, (rgb, a) => mixToward(rgb, [250, 250, 248], a));
  blendLayer(canvas, core, strength, (rgb, a) => mixToward(rgb, [dark, dark * 0.95, dark * 0.9], a));
}

/** Line width for a frame: thin on small photos, wider on large ones. */
const lineScale = (canvas: PaintCanvas) => Math.max(1, Math.max(canvas.width, canvas.height) / 1000);

/** A crack: one trunk with branches, 1–2.8 px wide per 1000 px of the long side. */
export function paintCrack(canvas: PaintCanvas, box: Box, strength: number, rng: Rng): DamageStyle {
  const width = rng.uniform(1, 2.8) * lineScale(canvas);
  const strokes = crackStrokes(rng, box, width);
  const dark = rng.uniform(10, 55);
  drawCracks(canvas, strokes, dark, strength);
  return { strokes: strokes.length, widthPx: round2(width), dark: Math.round(dark) };
}

/** A jagged segment from `a` to `b` in `pieces` parts, each inner point pushed sideways by up to `jitter`. */
function jagged(rng: Rng, a: Point, b: Point, pieces: number, jitter: number): Point[] {
  const [nx, ny] = [-(b[1] - a[1]), b[0] - a[0]];
  const len = Math.hypot(nx, ny) || 1;
  const points: Point[] = [a];
  for (let i = 1; i < pieces; i++) {
    const t = i / pieces;
    const j = rng.uniform(-jitter, jitter);
    points.push([a[0] + (b[0] - a[0]) * t + (nx / len) * j, a[1] + (b[1] - a[1]) * t + (ny / len) * j]);
  }
  points.push(b);
  return points;
}

/** Shattered glass: radial cracks from an impact point, rings between them, a whitened impact, tinted shards. */
export function paintShatteredGlass(canvas: PaintCanvas, box: Box, strength: number, rng: Rng): DamageStyle {
  const cx = box.x + box.w * rng.uniform(0.35, 0.65);
  const cy = box.y + box.h * rng.uniform(0.35, 0.65);
  const reach = Math.min(box.w, box.h) / 2;
  const width = rng.uniform(0.8, 2.2) * lineScale(canvas);
  const rays = rng.int(7, 16);
  const ends: { angle: number; length: number }[] = [];
  const strokes: Stroke[] = [];
  for (let i = 0; i < rays; i++) {
    const angle = (2 * Math.PI * i) / rays + rng.uniform(-0.6, 0.6) * (Math.PI / rays);
    const length = reach * rng.uniform(0.55, 1.0);
    const end: Point = [cx + Math.cos(angle) * length * (box.w / 2 / reach), cy + Math.sin(angle) * length];
    const points = jagged(rng, [cx, cy], end, 8, reach * 0.04);
    strokes.push({ points, widths: points.map((_, k) => width * (1 - (0.5 * k) / points.length)) });
    ends.push({ angle, length });
  }
  const rings = rng.int(1, 3);
  for (let r = 1; r <= rings; r++) {
    const fraction = r / (rings + 1);
    for (let i = 0; i < rays; i++) {
      if (!rng.chance(0.65)) continue;
      const a = ends[i]!;
      const b = ends[(i + 1) % rays]!;
      const at = (e: { angle: number; length: number }, f: number): Point => [
        cx + Math.cos(e.angle) * e.length * f * (box.w / 2 / reach),
        cy + Math.sin(e.angle) * e.length * f,
      ];
      const points = jagged(rng, at(a, fraction), at(b, fraction * rng.uniform(0.9, 1.1)), 3, reach * 0.03);
      strokes.push({ points, widths: points.map(() => width * 0.7) });
    }
  }
  // Shards: each wedge slightly lighter or darker, as broken glass catches the light differently.
  const tinted = rng.chance(0.6);
  if (tinted) {
    const shards = newLayer(canvas);
    const factors = ends.map(() => 1 + rng.uniform(-0.12, 0.12));
    const angles = ends.map((e) => e.angle);
    fillShards(shards, cx, cy, reach, box, ends);
    blendLayer(canvas, shards, strength, (rgb, a, p) => {
      const x = (p % canvas.width) + 0.5;
      const y = Math.floor(p / canvas.width) + 0.5;
      const theta = Math.atan2(y - cy, (x - cx) / (box.w / 2 / reach));
      const rel = normalise(theta - angles[0]!);
      let k = 0;
      for (let i = 1; i < angles.length; i++) if (normalise(angles[i]! - angles[0]!) <= rel) k = i;
      const f = 1 + (factors[k]! - 1) * a;
      for (let c = 0; c < 3; c++) rgb[c] = rgb[c]! * f;
    });
  }
  drawCracks(canvas, strokes, rng.uniform(20, 70), strength);
  const impact = newLayer(canvas);
  const spot = reach * rng.uniform(0.04, 0.09);
  strokePolyline(
    impact,
    [
      [cx - spot / 2, cy],
      [cx + spot / 2, cy],
    ],
    spot,
  );
  blendLayer(canvas, impact, strength * 0.85, (rgb, a) => mixToward(rgb, [238, 238, 236], a));
  return { rays, rings, widthPx: round2(width), tintedShards: tinted ? 1 : 0 };
}

/** An angle brought into [0, 2π). */
function normalise(angle: number): number {
  let a = angle % (2 * Math.PI);
  if (a < 0) a += 2 * Math.PI;
  return a;
}

/** Marks the disc the rays reach (coverage 1 inside the mean ray length, fading over the last 10 %). */
function fillShards(
  layer: Layer,
  cx: number,
  cy: number,
  reach: number,
  box: Box,
  ends: readonly { length: number }[],
): void {
  const mean = ends.reduce((s, e) => s + e.length, 0) / ends.length;
  const sx = box.w / 2 / reach;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(layer.height, box.y + box.h); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(layer.width, box.x + box.w); x++) {
      const d = Math.hypot((x + 0.5 - cx) / sx, y + 0.5 - cy);
      const c = Math.min(1, Math.max(0, (mean - d) / (mean * 0.1)));
      if (c > 0) layer.data[y * layer.width + x] = c;
    }
  }
}

/** Bilinear sample of channel `c` at (x, y), clamped to the frame. */
function sample(src: RgbRaster, x: number, y: number, c: number): number {
  const cx = Math.min(src.width - 1, Math.max(0, x));
  const cy = Math.min(src.height - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(src.width - 1, x0 + 1);
  const y1 = Math.min(src.height - 1, y0 + 1);
  const tx = cx - x0;
  const ty = cy - y0;
  const at = (xx: number, yy: number) => src.data[(yy * src.width + xx) * 3 + c]!;
  return (at(x0, y0) * (1 - tx) + at(x1, y0) * tx) * (1 - ty) + (at(x0, y1) * (1 - tx) + at(x1, y1) * tx) * ty;
}

/**
 * A tear: a jagged line across the box's long axis; a gap along it (a dark shadow or white fibres), and the
 * material on one side shifted away from the line, fading with distance and toward both ends.
 */
export function paintTear(canvas: PaintCanvas, source: RgbRaster, box: Box, strength: number, rng: Rng): DamageStyle {
  const scale = lineScale(canvas);
  const horizontal = box.w >= box.h;
  const length = horizontal ? box.w : box.h;
  const across = horizontal ? box.h : box.w;
  const count = rng.int(30, 60);
  const wander = fbm(valueNoise(rng), 3);
  const line: Point[] = [];
  for (let i = 0; i <= count; i++) {
    const t = i / count;
    const side = across * (0.5 + 0.35 * wander(t * 3, 0.5)) + rng.uniform(-1, 1) * across * 0.04;
    const along = length * (0.04 + 0.92 * t);
    line.push(horizontal ? [box.x + along, box.y + side] : [box.x + side, box.y + along]);
  }
  const gap = rng.uniform(1.5, 4) * scale;
  const shift = rng.uniform(3, 10) * scale * strength;
  const reachPx = shift * 4 + gap;
  const fibres = rng.chance(0.5);
  const x0 = Math.max(0, Math.floor(box.x - reachPx));
  const x1 = Math.min(canvas.width, Math.ceil(box.x + box.w + reachPx));
  const y0 = Math.max(0, Math.floor(box.y - reachPx));
  const y1 = Math.min(canvas.height, Math.ceil(box.y + box.h + reachPx));
  const field = nearestOnPolyline(line, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, reachPx);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const f = (y - y0) * (x1 - x0) + (x - x0);
      const best = field.distance[f]!;
      const sign = field.side[f]!;
      const nx = field.nx[f]!;
      const ny = field.ny[f]!;
      const along = field.along[f]!;
      if (best > reachPx) continue;
      const endFade = Math.min(1, Math.min(along, 1 - along) * 8);
      const k = (y * canvas.width + x) * 3;
      if (best <= (gap / 2) * endFade) {
        const shade = fibres ? [240, 238, 230] : [0, 1, 2].map((c) => source.data[k + c]! * 0.18);
        for (let c = 0; c < 3; c++) {
          canvas.data[k + c] = canvas.data[k + c]! + (shade[c]! - canvas.data[k + c]!) * strength;
        }
        continue;
      }
      if (sign <= 0) continue;
      const falloff = Math.max(0, 1 - (best - gap / 2) / (reachPx - gap / 2)) * endFade;
      const move = shift * falloff;
      for (let c = 0; c < 3; c++) canvas.data[k + c] = sample(source, px - 0.5 - nx * move, py - 0.5 - ny * move, c);
      if (best - gap / 2 < 1.5 * scale) {
        for (let c = 0; c < 3; c++) canvas.data[k + c] = canvas.data[k + c]! + (250 - canvas.data[k + c]!) * 0.35;
      }
    }
  }
  return { points: line.length, gapPx: round2(gap), shiftPx: round2(shift), edge: fibres ? 'fibres' : 'shadow' };
}

/** Per pixel of a window: distance to the nearest point of a polyline, the side, that segment's normal, and
 * how far along the line (0..1) that point is. Pixels farther than `reach` keep distance ∞. */
function nearestOnPolyline(line: readonly Point[], window: Box, reach: number) {
  const n = window.w * window.h;
  const field = {
    distance: new Float32Array(n).fill(Infinity),
    side: new Int8Array(n),
    nx: new Float32Array(n),
    ny: new Float32Array(n),
    along: new Float32Array(n),
  };
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]!;
    const [bx, by] = line[i + 1]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy || 1e-9;
    const len = Math.sqrt(len2);
    const left = Math.max(window.x, Math.floor(Math.min(ax, bx) - reach));
    const right = Math.min(window.x + window.w, Math.ceil(Math.max(ax, bx) + reach));
    const top = Math.max(window.y, Math.floor(Math.min(ay, by) - reach));
    const bottom = Math.min(window.y + window.h, Math.ceil(Math.max(ay, by) + reach));
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
        const ex = px - ax - t * dx;
        const ey = py - ay - t * dy;
        const d = Math.sqrt(ex * ex + ey * ey);
        const f = (y - window.y) * window.w + (x - window.x);
        if (d >= field.distance[f]!) continue;
        field.distance[f] = d;
        field.side[f] = Math.sign(dx * (py - ay) - dy * (px - ax));
        field.nx[f] = -dy / len;
        field.ny[f] = dx / len;
        field.along[f] = (i + t) / (line.length - 1);
      }
    }
  }
  return field;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
