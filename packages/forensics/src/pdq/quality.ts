/**
 * PDQ's quality score (`pdqImageDomainQualityMetric`): how much significant gradient the 64×64 tent-filtered image
 * holds. Flat or near-flat images score low; their hashes are unreliable (Meta suggests ignoring scores < 50).
 */
const fround = Math.fround;

/**
 * Sums |Δ| over vertical and horizontal neighbours of the 64×64 image, each Δ quantised to whole percent of 255
 * (`(int)((u − v)·100/255)` in single precision), and scales the sum by 1/90.
 * @param image64 64×64 luminance values, row-major
 * @returns an integer 0..100
 */
export function pdqQuality(image64: Float32Array): number {
  let gradientSum = 0;
  const step = (u: number, v: number) => Math.abs(Math.trunc(fround(fround(fround(u - v) * 100) / 255)));
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) gradientSum += step(image64[i * 64 + j]!, image64[(i + 1) * 64 + j]!);
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) gradientSum += step(image64[i * 64 + j]!, image64[i * 64 + j + 1]!);
  }
  return Math.min(100, Math.trunc(gradientSum / 90));
}
