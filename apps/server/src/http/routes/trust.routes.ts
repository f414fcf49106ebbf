import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams } from '../schemas/common.schemas.js';
import {
  buyerCreditSchema,
  flaggedBuyerSchema,
  flaggedQuery,
  trustSettingsBody,
  trustSettingsSchema,
} from '../schemas/trust.schemas.js';

/** Buyer credit, the thresholds list and the trust settings (issue 7). Buyers never reach any of them. */
export function trustRoutes({ services }: AppDeps): ApiRoute[] {
  const { credit, trustSettings } = services;
  return [
    defineRoute({
      method: 'GET',
      url: '/buyers/:id/credit',
      access: 'trust.read',
      summary: 'A buyer’s credit: score, band, every factor with its reason, shared and feed signals, legal flags',
      tags: ['trust'],
      schema: { params: idParams, response: { 200: buyerCreditSchema } },
      handler: ({ actor, params }) => credit.buyerCredit(actor, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/claims/:id/buyer-credit',
      access: 'trust.read',
      summary: 'The credit of a claim’s buyer, for the reviewer (null when the claim has no known buyer)',
      tags: ['trust'],
      schema: { params: idParams, response: { 200: z.object({ credit: buyerCreditSchema.nullable() }) } },
      handler: async ({ actor, params }) => ({ credit: await credit.claimBuyerCredit(actor, params.id) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/trust/flagged-buyers',
      access: 'trust.read',
      summary: 'Buyers whose confirmed-fraud amount is at or over minFen (default: any), largest first',
      tags: ['trust'],
      schema: {
        querystring: flaggedQuery,
        response: {
          200: z.object({ items: z.array(flaggedBuyerSchema), nextCursor: z.string().nullable(), minFen: z.int() }),
        },
      },
      handler: ({ actor, query }) => credit.flaggedBuyers(actor, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/trust/settings',
      access: 'trust.read',
      summary: 'The workspace’s trust settings: sharing opt-in and legal thresholds',
      tags: ['trust'],
      schema: { response: { 200: trustSettingsSchema } },
      handler: ({ actor }) => trustSettings.get(actor),
    }),
    defineRoute({
      method: 'PUT',
      url: '/trust/settings',
      access: 'trust.admin',
      summary: 'Change the sharing opt-in and/or the legal thresholds (audited); an absent field keeps its value',
      tags: ['trust'],
      schema: { body: trustSettingsBody, response: { 200: trustSettingsSchema } },
      handler: ({ actor, body }) => trustSettings.update(actor, body),
    }),
  ];
}
