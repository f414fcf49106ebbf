import type { Actor } from '@proofdesk/domain';
import { z } from 'zod';
import { forBuyer, type Claim } from '../../services/claim.service.js';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { buyerClaimSchema } from '../schemas/claims.schemas.js';
import { isoTime } from '../schemas/common.schemas.js';
import { readUpload } from '../uploads.js';

const tokenQuery = z.object({
  token: z.string().min(1).max(1000).optional().describe('The link token, if not in the header'),
});

function claimIdOf(actor: Actor): string {
  if (actor.kind !== 'buyer') throw new Error('buyer route reached by a non-buyer');
  return actor.claimId;
}

/** What a buyer reaches through a signed link: their one claim, adding photos to it, and the one appeal. */
export function buyerRoutes(deps: AppDeps): ApiRoute[] {
  const { claims, evidence } = deps.services;
  const maxBytes = deps.options?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  /** The claim as the buyer sees it (`BuyerClaim`): no scores, policy reasons, statements or reviewers. */
  async function buyerView(actor: Actor, claim?: Claim) {
    const claimId = claimIdOf(actor);
    const [current, photos] = await Promise.all([
      claim ? forBuyer(claim) : claims.getClaim(actor, claimId),
      evidence.listEvidence(actor, claimId),
    ]);
    return {
      ...current,
      decision: current.decision
        ? {
            outcome: current.decision.outcome,
            approvedAmountFen: current.decision.approvedAmountFen,
            decidedAt: current.decision.decidedAt,
          }
        : null,
      evidence: photos.map((p) => ({
        id: p.id,
        filename: p.filename,
        submittedBy: p.submittedBy,
        createdAt: p.createdAt,
      })),
    };
  }
  return [
    defineRoute({
      method: 'GET',
      url: '/buyer/claim',
      access: 'claim.buyer',
      queryToken: true,
      summary: "The buyer's claim, through a signed link",
      description: 'An expired link answers 410 `link_expired`.',
      tags: ['buyer'],
      schema: { querystring: tokenQuery, response: { 200: buyerClaimSchema } },
      handler: ({ actor }) => buyerView(actor),
    }),
    defineRoute({
      method: 'POST',
      url: '/buyer/claim/evidence',
      access: 'claim.buyer',
      queryToken: true,
      summary: 'Add a photo to the claim, through a signed link',
      description:
        'multipart/form-data with one file in the field `file`; sniffed (415), size-limited (413), nothing stored ' +
        'when refused.',
      tags: ['buyer'],
      status: 201,
      multipart: { field: 'file' },
      schema: {
        querystring: tokenQuery,
        response: { 201: z.object({ id: z.string(), filename: z.string(), createdAt: isoTime }) },
      },
      handler: async ({ actor, request }) => {
        const added = await evidence.addEvidence(actor, claimIdOf(actor), await readUpload(request, maxBytes), 'buyer');
        return { id: added.id, filename: added.filename, createdAt: added.createdAt };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/buyer/claim/appeal',
      access: 'claim.buyer',
      queryToken: true,
      summary: 'Appeal the decision once, through a signed link',
      description:
        "Within the workspace's appeal window after a decision; 409 `invalid_state` before a decision, after the " +
        'one appeal (by the buyer or the merchant) or once the window has passed.',
      tags: ['buyer'],
      schema: {
        querystring: tokenQuery,
        body: z.object({ reason: z.string().min(1).max(5000).describe('Why the decision should change') }),
        response: { 200: buyerClaimSchema },
      },
      handler: async ({ actor, body }) => buyerView(actor, await claims.appeal(actor, claimIdOf(actor), body)),
    }),
  ];
}
