/**
 * `reference.derived_from_listing` and `reference.local_edit`: the claim photo matched against the merchant's
 * prepared reference photos (`CheckOptions.references`), only when references were given. The claim's working
 * pixels (≤ `CLAIM_MAX_SIDE` px) come from the tamper analyses' working image when it is at least that large (for a
 * sequential JPEG: its DCT coefficients, so a 12 MP photo is not decoded again); otherwise from one more
 * shrink-on-load decode.
 */
import { prepareClaim, prepareClaimShrunk, type ClaimImage } from '../reference/claim-image.js';
import { referenceFindings } from '../reference/findings.js';
import { matchClaim } from '../reference/match-claim.js';
import { CLAIM_FEATURES, CLAIM_MAX_SIDE } from '../reference/working-image.js';
import { displayWorkingImage } from '../tamper/tamper-analysis.js';
import { NOTHING, type Signal, type SignalContext } from './signal.js';

/**
 * The claim photo prepared for matching at `min(CLAIM_MAX_SIDE, photo's longer side)`: shrunk from the shared
 * working image when that holds enough pixels, else from one more decode.
 */
export async function claimFor(ctx: SignalContext): Promise<ClaimImage> {
  const target = Math.min(CLAIM_MAX_SIDE, Math.max(ctx.width, ctx.height));
  const shared = await displayWorkingImage(ctx);
  if (
    shared &&
    shared.channels === 3 &&
    Math.max(shared.width, shared.height) >= target &&
    // The same frame (aspect ratio) as the photo: boxes are mapped back by scale alone.
    Math.abs(shared.width / shared.height - ctx.width / ctx.height) < 0.01
  ) {
    return prepareClaimShrunk(shared, target, ctx.width, ctx.height, CLAIM_FEATURES);
  }
  const work = await ctx.decoder.decode(ctx.bytes, ctx.format, { maxSide: CLAIM_MAX_SIDE, maxPixels: ctx.maxPixels });
  return prepareClaim(work, ctx.width, ctx.height, CLAIM_FEATURES);
}

export const referenceSignal: Signal = {
  name: 'reference',
  workingImage: 'with-references',
  async run(ctx) {
    const references = ctx.references;
    if (!references || references.length === 0) return NOTHING;
    const claim = await claimFor(ctx);
    const match = matchClaim(claim, references);
    return match ? { findings: referenceFindings(match, claim) } : NOTHING;
  },
};
