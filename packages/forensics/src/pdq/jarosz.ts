/**
 * The Jarosz tent filter of Meta's reference PDQ (`downscaling.cpp`): repeated one-dimensional box filters along
 * rows and then columns (two passes of each approximate a tent), followed by decimation to 64×64.
 * Arithmetic is IEEE single precision with one rounding per operation, as in the reference.
 */
const fround = Math.fround;

/**
 * Box-filter window for shrinking `oldDimension` pixels to `newDimension`: ⌈old / (2·new)⌉ (two passes, so half
 * a target pixel each).
 * @example jaroszWindowSize(1024, 64) // 8
 */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.trunc((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/**
 * One-dimensional box filter with a running single-precision sum, exactly as the reference's `box1DFloat`: the
 * window is truncated at both ends (the mean is over the pixels inside), centred with its extra pixel to the right
 * for even sizes. Reads `length` values of `input` from `offset` every `stride`, writes `output` likewise.
 * @param windowSize full window in pixels, 1..length
 */
export function boxFilter1d(
  input: Float32Array,
  output: Float32Array,
  offset: number,
  length: number,
  stride: number,
  windowSize: number,
): void {
  const half = Math.trunc((windowSize + 2) / 2);
  const phase1 = half - 1;
  const phase2 = windowSize - half + 1;
  const phase3 = length - windowSize;
  const phase4 = half - 1;
  let left = offset;
  let right = offset;
  let out = offset;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++, right += stride) {
    sum = fround(sum + input[right]!);
    count++;
  }
  for (let i = 0; i < phase2; i++, right += stride, out += stride) {
    sum = fround(sum + input[right]!);
    count++;
    output[out] = sum / count;
  }
  for (let i = 0; i < phase3; i++, left += stride, right += stride, out += stride) {
    sum = fround(sum + input[right]!);
    sum = fround(sum - input[left]!);
    output[out] = sum / count;
  }
  for (let i = 0; i < phase4; i++, left += stride, out += stride) {
    sum = fround(sum - input[left]!);
    count--;
    output[out] = sum / count;
  }
}

/**
 * {@link boxFilter1d} down every column of a row-major `rows × cols` matrix at once, sweeping the rows in memory
 * order (one running single-precision sum per column, updated in the reference's order, so the result is identical
 * to filtering each column on its own, only cache-friendly).
 * @param windowSize full window in pixels, 1..rows
 */
export function boxFilterColumns(
  input: Float32Array,
  output: Float32Array,
  rows: number,
  cols: number,
  windowSize: number,
): void {
  const half = Math.trunc((windowSize + 2) / 2);
  const phase1 = half - 1;
  const phase2 = windowSize - half + 1;
  const phase3 = rows - windowSize;
  const phase4 = half - 1;
  const sums = new Float32Array(cols); // every store rounds to single precision, as the reference's float sum
  let right = 0;
  let left = 0;
  let out = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++, right++, count++) {
    for (let j = 0, r = right * cols; j < cols; j++) sums[j] = sums[j]! + input[r + j]!;
  }
  for (let i = 0; i < phase2; i++, right++, out++) {
    count++;
    for (let j = 0, r = right * cols, o = out * cols; j < cols; j++) {
      sums[j] = sums[j]! + input[r + j]!;
      output[o + j] = sums[j]! / count;
    }
  }
  for (let i = 0; i < phase3; i++, left++, right++, out++) {
    for (let j = 0, r = right * cols, l = left * cols, o = out * cols; j < cols; j++) {
      sums[j] = sums[j]! + input[r + j]!;
      sums[j] = sums[j]! - input[l + j]!;
      output[o + j] = sums[j]! / count;
    }
  }
  for (let i = 0; i < phase4; i++, left++, out++) {
    count--;
    for (let j = 0, l = left * cols, o = out * cols; j < cols; j++) {
      sums[j] = sums[j]! - input[l + j]!;
      output[o + j] = sums[j]! / count;
    }
  }
}

/**
 * The reference's `jaroszFilterFloat`: `passes` times, a box filter along every row (`buffer1` → `buffer2`), then
 * along every column (`buffer2` → `buffer1`). The result is in `buffer1`; `buffer2` is scratch.
 * @param rows image height in pixels
 * @param cols image width in pixels
 * @param windowAlongRows window of the horizontal filter (from the width)
 * @param windowAlongCols window of the vertical filter (from the height)
 */
export function jaroszFilter(
  buffer1: Float32Array,
  buffer2: Float32Array,
  rows: number,
  cols: number,
  windowAlongRows: number,
  windowAlongCols: number,
  passes: number,
): void {
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < rows; i++) boxFilter1d(buffer1, buffer2, i * cols, cols, 1, windowAlongRows);
    boxFilterColumns(buffer2, buffer1, rows, cols, windowAlongCols);
  }
}

/**
 * Picks the pixel at the centre of each target cell (`⌊(i + ½)·in / out⌋`), as the reference's `decimateFloat`.
 * @returns `outRows × outCols` values, row-major
 */
export function decimate(
  input: Float32Array,
  rows: number,
  cols: number,
  outRows: number,
  outCols: number,
): Float32Array {
  const output = new Float32Array(outRows * outCols);
  for (let i = 0; i < outRows; i++) {
    const inRow = Math.trunc(((i + 0.5) * rows) / outRows);
    for (let j = 0; j < outCols; j++) {
      output[i * outCols + j] = input[inRow * cols + Math.trunc(((j + 0.5) * cols) / outCols)]!;
    }
  }
  return output;
}
