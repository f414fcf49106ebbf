/**
 * Plane projective transforms (3×3 homographies, row-major, h₂₂ normalised to 1 where possible): fitting a
 * similarity from two point pairs, a homography from four or more by the normalised DLT, applying, composing,
 * inverting, and reading off scale, rotation and mirroring.
 */

/** A 3×3 matrix, row-major: (x, y) ↦ ((h0 x + h1 y + h2) / w, (h3 x + h4 y + h5) / w), w = h6 x + h7 y + h8. */
export type Homography = Float64Array;

/** Maps (x, y); returns [NaN, NaN] when the point goes to infinity. */
export function applyHomography(h: Homography, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  if (Math.abs(w) < 1e-12) return [NaN, NaN];
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** a ∘ b: first b, then a. */
export function compose(a: Homography, b: Homography): Homography {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }
  return out;
}

/** The inverse, or undefined when singular. */
export function invert(h: Homography): Homography | undefined {
  const [a, b, c, d, e, f, g, i, k] = h as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const A = e * k - f * i;
  const B = -(d * k - f * g);
  const C = d * i - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-15) return undefined;
  const out = Float64Array.of(
    A,
    -(b * k - c * i),
    b * f - c * e,
    B,
    a * k - c * g,
    -(a * f - c * d),
    C,
    -(a * i - b * g),
    a * e - b * d,
  );
  for (let j = 0; j < 9; j++) out[j]! /= det;
  return out;
}

/** Scaling (sx, sy, 1) then translation (tx, ty). */
export function scaleTranslate(sx: number, sy: number, tx = 0, ty = 0): Homography {
  return Float64Array.of(sx, 0, tx, 0, sy, ty, 0, 0, 1);
}

/**
 * The similarity (scale, rotation, translation) taking p₁ → q₁ and p₂ → q₂ exactly; undefined when p₁ = p₂.
 */
export function similarityFrom2(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): Homography | undefined {
  const dpx = p2x - p1x;
  const dpy = p2y - p1y;
  const dqx = q2x - q1x;
  const dqy = q2y - q1y;
  const n = dpx * dpx + dpy * dpy;
  if (n < 1e-9) return undefined;
  // q = [a −b; b a] p + t
  const a = (dqx * dpx + dqy * dpy) / n;
  const b = (dqy * dpx - dqx * dpy) / n;
  return Float64Array.of(a, -b, q1x - a * p1x + b * p1y, b, a, q1y - b * p1x - a * p1y, 0, 0, 1);
}

/** Centroid-and-scale normalisation of points (Hartley), as a homography. */
function normaliser(xs: ArrayLike<number>, ys: ArrayLike<number>, idx: readonly number[]): Homography {
  let mx = 0;
  let my = 0;
  for (const i of idx) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= idx.length;
  my /= idx.length;
  let spread = 0;
  for (const i of idx) spread += Math.hypot(xs[i]! - mx, ys[i]! - my);
  const s = spread > 0 ? (Math.SQRT2 * idx.length) / spread : 1;
  return Float64Array.of(s, 0, -s * mx, 0, s, -s * my, 0, 0, 1);
}

/**
 * Least-squares homography (normalised DLT with h₂₂ = 1, solved by normal equations) taking (px, py)[i] to
 * (qx, qy)[i] for the given indices; undefined when degenerate.
 */
export function fitHomography(
  px: ArrayLike<number>,
  py: ArrayLike<number>,
  qx: ArrayLike<number>,
  qy: ArrayLike<number>,
  idx: readonly number[],
): Homography | undefined {
  if (idx.length < 4) return undefined;
  const np = normaliser(px, py, idx);
  const nq = normaliser(qx, qy, idx);
  const ata = new Float64Array(64);
  const atb = new Float64Array(8);
  const row = new Float64Array(8);
  const add = (rhs: number) => {
    for (let r = 0; r < 8; r++) {
      atb[r]! += row[r]! * rhs;
      for (let c = 0; c < 8; c++) ata[r * 8 + c]! += row[r]! * row[c]!;
    }
  };
  for (const i of idx) {
    const x = np[0]! * px[i]! + np[2]!;
    const y = np[4]! * py[i]! + np[5]!;
    const u = nq[0]! * qx[i]! + nq[2]!;
    const v = nq[4]! * qy[i]! + nq[5]!;
    row.set([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    add(u);
    row.set([0, 0, 0, x, y, 1, -v * x, -v * y]);
    add(v);
  }
  const solution = solve(ata, atb, 8);
  if (!solution) return undefined;
  const hn = Float64Array.of(...solution, 1);
  const nqInv = invert(nq);
  if (!nqInv) return undefined;
  const h = compose(nqInv, compose(hn, np));
  const scale = h[8]!;
  if (Math.abs(scale) < 1e-12) return undefined;
  for (let j = 0; j < 9; j++) h[j]! /= scale;
  return h;
}

/** Solves the n×n system a·x = b by Gaussian elimination with partial pivoting; undefined when singular. */
function solve(a: Float64Array, b: Float64Array, n: number): number[] | undefined {
  const m = Float64Array.from(a);
  const v = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]!) > Math.abs(m[pivot * n + col]!)) pivot = r;
    if (Math.abs(m[pivot * n + col]!) < 1e-12) return undefined;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) [m[col * n + c], m[pivot * n + c]] = [m[pivot * n + c]!, m[col * n + c]!];
      [v[col], v[pivot]] = [v[pivot]!, v[col]!];
    }
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col]! / m[col * n + col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) m[r * n + c]! -= f * m[col * n + c]!;
      v[r]! -= f * v[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r]!;
    for (let c = r + 1; c < n; c++) s -= m[r * n + c]! * x[c]!;
    x[r] = s / m[r * n + r]!;
  }
  return x;
}

/**
 * Scale, rotation and mirroring of the linear part of `h` at point (x, y) (the local Jacobian).
 * @returns scale (output pixels per input pixel, geometric mean of the axes), rotation in degrees (−180..180],
 *   and whether the map reverses orientation (a mirror image)
 */
export function describeLocal(
  h: Homography,
  x: number,
  y: number,
): { scale: number; rotationDeg: number; mirrored: boolean } {
  const eps = 0.5;
  const [ax, ay] = applyHomography(h, x - eps, y);
  const [bx, by] = applyHomography(h, x + eps, y);
  const [cx, cy] = applyHomography(h, x, y - eps);
  const [dx, dy] = applyHomography(h, x, y + eps);
  const j00 = bx - ax;
  const j10 = by - ay;
  const j01 = dx - cx;
  const j11 = dy - cy;
  const det = j00 * j11 - j01 * j10;
  const mirrored = det < 0;
  // Rotation of the x axis, with the mirror taken out on the y axis.
  const rotationDeg = (Math.atan2(j10, j00) * 180) / Math.PI;
  return { scale: Math.sqrt(Math.abs(det)), rotationDeg, mirrored };
}
