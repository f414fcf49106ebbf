/**
 * Smooth 2-D value noise and its fractal sum, for irregular shapes (stain outlines, burn edges, char texture).
 */
import type { Rng } from './prng.js';

/** A noise function: smooth, roughly in [-1, 1], one lattice cell per unit of x and y. */
export type Noise2D = (x: number, y: number) => number;

const SIZE = 256;

/** Value noise on a 256×256 lattice of random values drawn from `rng`, smoothly interpolated (wraps around). */
export function valueNoise(rng: Rng): Noise2D {
  const lattice = new Float32Array(SIZE * SIZE);
  for (let i = 0; i < lattice.length; i++) lattice[i] = rng.uniform(-1, 1);
  const at = (x: number, y: number) => lattice[(y & (SIZE - 1)) * SIZE + (x & (SIZE - 1))]!;
  const fade = (t: number) => t * t * (3 - 2 * t);
  return (x, y) => {
    const xf = Math.floor(x);
    const yf = Math.floor(y);
    const tx = fade(x - xf);
    const ty = fade(y - yf);
    const top = at(xf, yf) * (1 - tx) + at(xf + 1, yf) * tx;
    const bottom = at(xf, yf + 1) * (1 - tx) + at(xf + 1, yf + 1) * tx;
    return top * (1 - ty) + bottom * ty;
  };
}

/** Fractal Brownian motion: `octaves` layers of `noise`, each twice as fine and half as strong; about [-1, 1]. */
export function fbm(noise: Noise2D, octaves: number): Noise2D {
  return (x, y) => {
    let sum = 0;
    let amplitude = 0.5;
    let frequency = 1;
    let norm = 0;
    for (let o = 0; o < octaves; o++) {
      sum += amplitude * noise(x * frequency + o * 17.3, y * frequency + o * 31.7);
      norm += amplitude;
      amplitude /= 2;
      frequency *= 2;
    }
    return sum / norm;
  };
}

/** Hermite smooth step of `x` between `edge0` and `edge1`, 0..1. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
