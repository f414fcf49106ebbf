/**
 * `reference.derived_from_listing` and `reference.local_edit`: the claim photo matched against the merchant's
 * prepared reference photos (`CheckOptions.references`). Decodes the photo once more, at ≤ `CLAIM_MAX_SIDE` px, only
 * when references were given (`checkPhoto` starts that decode with the preview's: `SignalContext.claimDecode`). (Shrinking the tamper signals' working image instead was measured cost-neutral and lost
 * one forgery of `npm run eval`; see docs/adr/0008-reference-matching.md, "Shared decode".)
 */
import { prepareClaim } from '../reference/claim-image.js';
import { referenceFindings } from '../reference/findings.js';
import { matchClaim } from '../reference/match-claim.js';
import { CLAIM_FEATURES, CLAIM_MAX_SIDE } from '../reference/working-image.js';
import { NOTHING, type Signal } from './signal.js';

export const referenceSignal: Signal = {
  name: 'reference',
  async run(ctx) {
    const references = ctx.references;
    if (!references || references.length === 0) return NOTHING;
    const work = await (ctx.claimDecode ??
      ctx.decoder.decode(ctx.bytes, ctx.format, { maxSide: CLAIM_MAX_SIDE, maxPixels: ctx.maxPixels }));
    const claim = prepareClaim(work, ctx.width, ctx.height, CLAIM_FEATURES);
    const match = matchClaim(claim, references);
    return match ? { findings: referenceFindings(match, claim) } : NOTHING;
  },
};
