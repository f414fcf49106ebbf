/** Matching claim photos against the merchant's reference photos: the public API of `reference/`. */
export {
  prepareReference,
  PREPARED_REFERENCE_VERSION,
  type PreparedReference,
  type PrepareReferenceOptions,
  type ReferenceFailure,
  type ReferenceInput,
} from './prepared-reference.js';
export type { Features } from './orb.js';
export { FEATURE_MAX_SIDE, DIFF_MAX_SIDE } from './working-image.js';
export { DERIVED_THRESHOLDS } from './match-claim.js';
