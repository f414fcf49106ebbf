/**
 * The partial 2-D DCT of Meta's reference PDQ (`dct64To16`): from a 64×64 image, the 16×16 lowest frequencies
 * after the DC term (rows and columns 1..16 of the full DCT-II), computed as D·A·Dᵀ with D the 16×64 matrix
 * `D[i][j] = √(2/64) · cos(π/128 · (i+1) · (2j+1))`, in single precision summed in index order.
 */
const fround = Math.fround;

let cachedMatrix: Float32Array | undefined;

/**
 * The reference's 16×64 DCT matrix, row-major, single precision. The scale √(2/64) is a C `float`; the product
 * with the cosine is formed in double precision and rounded once, as in the reference.
 */
export function dctMatrix16x64(): Float32Array {
  if (cachedMatrix) return cachedMatrix;
  const matrix = new Float32Array(16 * 64);
  const scale = fround(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      matrix[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  cachedMatrix = matrix;
  return matrix;
}

/**
 * 16×16 DCT coefficients (frequencies 1..16 in each direction) of a 64×64 image.
 * @param image 64×64 values, row-major (luminance 0..255 after the tent filter)
 * @returns 16×16 values, row-major: `[i·16 + j]` is vertical frequency i+1, horizontal frequency j+1
 */
export function dct64To16(image: Float32Array): Float32Array {
  const d = dctMatrix16x64();
  // t = D·A, each sum over k in index order as in the reference, but with k outside j: the image is then read row
  // by row (its columns, read down, cost ~2× the time) and each t[i][j] still sees the same additions in the same order.
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    const row = i * 64;
    for (let k = 0; k < 64; k++) {
      const dik = d[row + k]!;
      const src = k * 64;
      for (let j = 0; j < 64; j++) t[row + j] = fround(t[row + j]! + fround(dik * image[src + j]!));
    }
  }
  const out = new Float32Array(16 * 16);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fround(sum + fround(t[i * 64 + k]! * d[j * 64 + k]!));
      out[i * 16 + j] = sum;
    }
  }
  return out;
}
