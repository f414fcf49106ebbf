import { z } from 'zod';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from '../app-deps.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route.js';
import { idParams, imageBytesSchema, isoTime, pageOf } from '../schemas/common.schemas.js';
import { claimSchema, claimStatusSchema, claimTypeSchema, evidenceSchema } from '../schemas/claims.schemas.js';
import type { EvidenceSource } from '../../services/evidence.service.js';
import { readUpload, sendImage } from '../uploads.js';

const evidenceParams = z.object({ id: z.string().min(1).max(100), evidenceId: z.string().min(1).max(100) });

const newClaimSchema = z.object({
  orderId: z.string().min(1).max(100),
  type: claimTypeSchema,
  reason: z.string().min(1).max(2000),
  amountFen: z.int().positive().describe('What the buyer asks for, in fen; at most the order amount'),
});

const listQuery = z.object({
  status: claimStatusSchema.optional(),
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().min(1).max(200).optional().describe('A claim id, a platform order id, or words of the reason'),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const UPLOAD_NOTE =
  'multipart/form-data with one file in the field `file`; the format is sniffed from the bytes (415 for anything ' +
  'but a supported image), 413 over the size limit, and nothing is stored for a refused or aborted upload. The ' +
  'claim goes to `analysing` and the photo is analysed in the background.';

/** Claims: create (idempotent), list, read, evidence, and the workflow from merchant response to final. */
export function claimRoutes(deps: AppDeps): ApiRoute[] {
  const { claims, evidence, auth } = deps.services;
  const maxBytes = deps.options?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  /** The buyer's evidence and the merchant's counter-evidence differ only in who may upload and whose side it is. */
  const evidenceUploadRoute = (
    url: string,
    access: 'claim.create' | 'claim.respond',
    submittedBy: EvidenceSource,
    summary: string,
  ): ApiRoute =>
    defineRoute({
      method: 'POST',
      url,
      access,
      summary,
      description: UPLOAD_NOTE,
      tags: ['evidence'],
      status: 201,
      multipart: { field: 'file' },
      schema: { params: idParams, response: { 201: evidenceSchema } },
      handler: async ({ actor, params, request }) =>
        evidence.addEvidence(actor, params.id, await readUpload(request, maxBytes), submittedBy),
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/claims',
      access: 'claim.read',
      summary: 'List claims, newest first, with filters',
      tags: ['claims'],
      schema: { querystring: listQuery, response: { 200: pageOf(claimSchema) } },
      handler: ({ actor, query }) => claims.listClaims(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/claims',
      access: 'claim.create',
      summary: 'Create a claim',
      description:
        'Send an `Idempotency-Key` header to make retries safe: the same key and body answer the first response ' +
        'again; the same key with another body answers 409 `idempotency_mismatch`.',
      tags: ['claims'],
      status: 201,
      idempotent: true,
      schema: { body: newClaimSchema, response: { 201: claimSchema } },
      handler: ({ actor, body }) => claims.createClaim(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/claims/:id',
      access: 'claim.read',
      summary: 'Get a claim',
      tags: ['claims'],
      schema: { params: idParams, response: { 200: claimSchema } },
      handler: ({ actor, params }) => claims.getClaim(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/claims/:id/buyer-link',
      access: 'claim.respond',
      summary: 'Issue a signed link for the buyer to follow this one claim',
      description: 'The buyer uses it as `Authorization: Buyer <token>` or `?token=<token>` on /buyer/claim.',
      tags: ['claims'],
      status: 201,
      schema: {
        params: idParams,
        body: z.object({ expiresInHours: z.int().min(1).max(720).default(168) }).default({ expiresInHours: 168 }),
        response: { 201: z.object({ token: z.string(), url: z.string(), expiresAt: isoTime }) },
      },
      handler: async ({ actor, params, body }) => {
        const link = await auth.issueBuyerLink(actor, params.id, body.expiresInHours * 3_600_000);
        return { ...link, url: `${API_PREFIX}/buyer/claim?token=${encodeURIComponent(link.token)}` };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/claims/:id/evidence',
      access: 'claim.read',
      summary: "A claim's evidence photos with their analysis reports",
      tags: ['evidence'],
      schema: { params: idParams, response: { 200: z.object({ items: z.array(evidenceSchema) }) } },
      handler: async ({ actor, params }) => ({ items: await evidence.listEvidence(actor, params.id) }),
    }),
    evidenceUploadRoute(
      '/claims/:id/evidence',
      'claim.create',
      'buyer',
      "Upload an evidence photo on the buyer's behalf",
    ),
    evidenceUploadRoute(
      '/claims/:id/counter-evidence',
      'claim.respond',
      'merchant',
      "Upload the merchant's counter-evidence photo",
    ),
    defineRoute({
      method: 'GET',
      url: '/claims/:id/evidence/:evidenceId',
      access: 'claim.read',
      summary: 'One evidence photo and its report (findings, regions, facts)',
      tags: ['evidence'],
      schema: { params: evidenceParams, response: { 200: evidenceSchema } },
      handler: ({ actor, params }) => evidence.getEvidence(actor, params.id, params.evidenceId),
    }),
    defineRoute({
      method: 'GET',
      url: '/claims/:id/evidence/:evidenceId/image',
      access: 'claim.read',
      summary: "An evidence photo's bytes",
      tags: ['evidence'],
      schema: { params: evidenceParams, response: { 200: imageBytesSchema } },
      handler: async ({ actor, params, reply }) => {
        const found = await evidence.getEvidenceBlob(actor, params.id, params.evidenceId);
        return sendImage(reply, found.bytes, found.evidence.filename);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/claims/:id/response',
      access: 'claim.respond',
      summary: "The merchant's response within the window: accept the claim or contest it",
      tags: ['claims'],
      schema: {
        params: idParams,
        body: z.object({ statement: z.string().min(1).max(5000), accept: z.boolean() }),
        response: { 200: claimSchema },
      },
      handler: ({ actor, params, body }) => claims.merchantRespond(actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/claims/:id/decision',
      access: 'claim.decide',
      summary: "The reviewer's decision",
      tags: ['claims'],
      schema: {
        params: idParams,
        body: z.object({
          outcome: z.enum(['approved', 'partially_approved', 'rejected']),
          reasonCode: z.string().min(1).max(100),
          note: z.string().max(5000).optional(),
          approvedAmountFen: z.int().positive().optional(),
        }),
        response: { 200: claimSchema },
      },
      handler: ({ actor, params, body }) => claims.decide(actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/claims/:id/appeal',
      access: 'claim.respond',
      summary: 'File the one appeal against a decision',
      tags: ['claims'],
      schema: {
        params: idParams,
        body: z.object({ reason: z.string().min(1).max(5000) }),
        response: { 200: claimSchema },
      },
      handler: ({ actor, params, body }) => claims.appeal(actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/claims/:id/finalise',
      access: 'claim.decide',
      summary: 'Close a decided claim for good',
      tags: ['claims'],
      schema: { params: idParams, response: { 200: claimSchema } },
      handler: ({ actor, params }) => claims.finalise(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/claims/:id/withdraw',
      access: 'claim.create',
      summary: 'Withdraw an undecided claim',
      tags: ['claims'],
      schema: { params: idParams, response: { 200: claimSchema } },
      handler: ({ actor, params }) => claims.withdraw(actor, params.id),
    }),
  ];
}
