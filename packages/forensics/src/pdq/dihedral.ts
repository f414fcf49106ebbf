/**
 * The eight dihedral variants of a PDQ hash, computed from the original's DCT without re-hashing (the reference's
 * `dct16OriginalTo*`). Coefficient (i, j) is frequency i+1 down and j+1 across; mirroring an axis negates the
 * coefficients of odd frequency along it (even index), and a quarter turn also transposes.
 */

/** The eight symmetries of the square, named as in the reference (and its `dih` test images). */
export const DIHEDRAL_VARIANTS = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;

/** One of {@link DIHEDRAL_VARIANTS}. */
export type DihedralVariant = (typeof DIHEDRAL_VARIANTS)[number];

/**
 * How each variant maps coefficient (i, j) of the original: transposed or not, and which coefficients change sign.
 * Index parity: `i & 1` is 1 for even frequencies.
 */
const RULES: Record<DihedralVariant, { transpose: boolean; negate: (i: number, j: number) => boolean }> = {
  original: { transpose: false, negate: () => false },
  rotate90: { transpose: true, negate: (_i, j) => (j & 1) === 0 },
  rotate180: { transpose: false, negate: (i, j) => ((i + j) & 1) === 1 },
  rotate270: { transpose: true, negate: (i) => (i & 1) === 0 },
  flipX: { transpose: false, negate: (i) => (i & 1) === 0 },
  flipY: { transpose: false, negate: (_i, j) => (j & 1) === 0 },
  flipPlus1: { transpose: true, negate: () => false },
  flipMinus1: { transpose: true, negate: (i, j) => ((i + j) & 1) === 1 },
};

/**
 * The 16×16 DCT of the image transformed by `variant`, from the original's DCT.
 * @param dct16 256 coefficients, row-major, from {@link dct64To16}
 */
export function dihedralDct(dct16: Float32Array, variant: DihedralVariant): Float32Array {
  const rule = RULES[variant];
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const value = dct16[i * 16 + j]!;
      out[rule.transpose ? j * 16 + i : i * 16 + j] = rule.negate(i, j) ? -value : value;
    }
  }
  return out;
}
