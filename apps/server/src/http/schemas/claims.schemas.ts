import { CLAIM_STATUSES, CLAIM_TYPES } from '@proofdesk/domain';
import { z } from 'zod';
import { bilingualSchema, isoTime } from './common.schemas.js';

export const productSchema = z
  .object({ id: z.string(), sku: z.string(), name: z.string(), createdAt: isoTime })
  .meta({ id: 'Product' });

export const referencePhotoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['listing', 'packing']),
    productId: z.string().nullable(),
    orderId: z.string().nullable(),
    filename: z.string(),
    sha256: z.string(),
    pdqHash: z.string().nullable().describe('PDQ hash, 64 hex'),
    pdqQuality: z.number().nullable().describe('0..100'),
    width: z.int().nullable().describe('pixels, after EXIF orientation'),
    height: z.int().nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'ReferencePhoto' });

export const orderSchema = z
  .object({
    id: z.string(),
    platform: z.string(),
    platformOrderId: z.string(),
    productId: z.string().nullable(),
    buyerId: z.string().nullable(),
    amountFen: z.int(),
    orderedAt: isoTime.nullable(),
    shippedAt: isoTime.nullable(),
    deliveredAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'Order' });

export const buyerSchema = z
  .object({
    id: z.string().describe('Pseudonymous: the platform account id is never stored'),
    hasContact: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: 'Buyer' });

export const buyerContactSchema = z
  .object({
    name: z.string().max(500).optional(),
    phone: z.string().max(500).optional(),
    address: z.string().max(500).optional(),
  })
  .meta({ id: 'BuyerContact' });

const regionSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

export const findingSchema = z
  .object({
    code: z.string().describe('Stable dotted code, e.g. reference.derived_from_listing (docs/findings.md)'),
    severity: z.enum(['info', 'warn', 'high']),
    score: z.number(),
    title: bilingualSchema,
    detail: bilingualSchema,
    regions: z.array(regionSchema).optional().describe("In the photo's own pixel coordinates"),
    ref: z.object({ file: z.string(), distance: z.number() }).optional(),
    facts: z.unknown().optional().describe('The raw facts the finding rests on'),
  })
  .meta({ id: 'Finding' });

export const photoReportSchema = z
  .object({
    file: z.string(),
    sha256: z.string(),
    width: z.number(),
    height: z.number(),
    format: z.string(),
    verdict: z.enum(['clean', 'suspicious', 'forged', 'error']),
    score: z.number().describe('0..1'),
    findings: z.array(findingSchema),
    facts: z.unknown().describe('Raw facts gathered while checking (metadata, provenance)'),
  })
  .meta({ id: 'PhotoReport' });

export const evidenceSchema = z
  .object({
    id: z.string(),
    claimId: z.string(),
    submittedBy: z.enum(['buyer', 'merchant']),
    filename: z.string(),
    sha256: z.string(),
    bytes: z.int(),
    status: z.enum(['pending', 'analysed', 'failed']),
    verdict: z.enum(['clean', 'suspicious', 'forged', 'error']).nullable(),
    score: z.number().nullable(),
    pdqHash: z.string().nullable(),
    report: photoReportSchema.nullable(),
    createdAt: isoTime,
    analysedAt: isoTime.nullable(),
  })
  .meta({ id: 'Evidence' });

export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export const claimTypeSchema = z.enum(CLAIM_TYPES);

const decisionSchema = z.object({
  outcome: z.enum(['approved', 'partially_approved', 'rejected']),
  reasonCode: z.string(),
  note: z.string().nullable(),
  approvedAmountFen: z.int().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoTime.nullable(),
});

export const claimSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    buyerId: z.string().nullable(),
    type: claimTypeSchema,
    status: claimStatusSchema,
    reason: z.string(),
    amountFen: z.int(),
    riskScore: z.number().nullable(),
    flagged: z.boolean(),
    policyReasons: z.array(
      z.object({
        code: z.string(),
        text: bilingualSchema,
        score: z.int().optional().describe('The buyer’s credit score, on buyer_low_credit'),
      }),
    ),
    merchantDeadlineAt: isoTime.nullable(),
    merchantStatement: z.string().nullable(),
    decision: decisionSchema.nullable(),
    appealCount: z.int(),
    appealReason: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Claim' });

/** What a buyer sees of their claim through the link: no risk scores, policy reasons or merchant statement. */
export const buyerClaimSchema = z
  .object({
    id: z.string(),
    type: claimTypeSchema,
    status: claimStatusSchema,
    reason: z.string(),
    amountFen: z.int(),
    decision: decisionSchema.pick({ outcome: true, approvedAmountFen: true, decidedAt: true }).nullable(),
    appealCount: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
    evidence: z.array(
      z.object({
        id: z.string(),
        filename: z.string(),
        submittedBy: z.enum(['buyer', 'merchant']),
        createdAt: isoTime,
      }),
    ),
  })
  .meta({ id: 'BuyerClaim' });
