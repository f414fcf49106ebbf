/** Meta's PDQ perceptual hash, exact to the reference C++ hasher: see `pdq-hash.ts`. */
export { pdqHash, pdqHashFromLuma, pdqDihedralHashes, pdqDihedralHashesFromLuma, PDQ_MIN_SIDE } from './pdq-hash.js';
export type { PdqHash, PdqDihedralHashes } from './pdq-hash.js';
export { DIHEDRAL_VARIANTS, dihedralDct, type DihedralVariant } from './dihedral.js';
export { hammingDistance, hammingDistanceWords } from './hamming.js';
export { hexFromWords, wordsFromHex, isPdqHex, hashWordsFromDct, lowerMedian, type PdqHex } from './hash256.js';
export { applyOrientation, undoOrientation, type ExifOrientation } from './orientation.js';
export { downsizeLikeReference, resizeNearest, nearestSourceIndices, PDQ_DOWNSAMPLE_SIDE } from './downsize.js';
export { lumaFromPixels } from './luma.js';
export { jaroszFilter, jaroszWindowSize, boxFilter1d, boxFilterColumns, decimate } from './jarosz.js';
export { dct64To16, dctMatrix16x64 } from './dct.js';
export { pdqQuality } from './quality.js';
