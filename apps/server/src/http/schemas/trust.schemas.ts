import { CREDIT_BANDS, CREDIT_FACTOR_CODES, LEGAL_FLAG_CODES } from '@proofdesk/domain';
import { z } from 'zod';
import { bilingualSchema, isoTime } from './common.schemas.js';

const fen = z.int().min(0).describe('Amount in fen (1/100 yuan)');
const thresholdFen = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

export const legalThresholdsSchema = z
  .object({
    administrativeMinFen: thresholdFen.describe('Lower end of the administrative range (default 1)'),
    criminalMinFen: thresholdFen.describe('"数额较大": the province’s figure within ¥3,000–10,000 (default 300000)'),
    largeMinFen: thresholdFen.describe('"数额巨大" (default 3000000)'),
    hugeMinFen: thresholdFen.describe('"数额特别巨大" (default 50000000)'),
  })
  .strict()
  .meta({ id: 'LegalThresholds' });

export const trustSettingsSchema = z
  .object({
    shareSignals: z.boolean(),
    thresholds: legalThresholdsSchema,
    updatedBy: z.string().nullable(),
    updatedAt: isoTime.nullable(),
  })
  .meta({ id: 'TrustSettings' });

export const trustSettingsBody = z
  .object({
    shareSignals: z.boolean().optional().describe('Share buyer signals with other opted-in workspaces (reciprocal)'),
    thresholds: legalThresholdsSchema.optional(),
  })
  .strict();

const legalRuleSchema = z.object({ text: bilingualSchema, source: bilingualSchema }).meta({ id: 'LegalRule' });

export const legalFlagSchema = z
  .object({
    code: z.enum(LEGAL_FLAG_CODES),
    amountFen: fen,
    thresholdFen: fen,
    text: bilingualSchema.describe('What the flag suggests; never an accusation'),
    rules: z.array(legalRuleSchema),
  })
  .meta({ id: 'LegalFlag' });

const recordSchema = z
  .object({
    claimsFiled: z.int(),
    approved: z.int(),
    rejectedFraud: z.int(),
    rejectedOther: z.int(),
    withdrawn: z.int(),
    amountClaimedFen: fen,
    amountApprovedFen: fen,
    fraudAmountFen: fen,
    fakePhotos: z.int(),
    updatedAt: isoTime.nullable(),
  })
  .meta({ id: 'BuyerRecord' });

export const buyerCreditSchema = z
  .object({
    buyerId: z.string(),
    score: z.int().min(0).max(100),
    band: z.enum(CREDIT_BANDS),
    factors: z.array(
      z
        .object({ code: z.enum(CREDIT_FACTOR_CODES), points: z.int(), text: bilingualSchema })
        .meta({ id: 'CreditFactor' }),
    ),
    record: recordSchema,
    shared: z
      .object({
        shops: z.int(),
        claimsFiled: z.int(),
        approved: z.int(),
        rejectedFraud: z.int(),
        rejectedOther: z.int(),
        lowestScore: z.int().nullable(),
      })
      .nullable()
      .describe('Other opted-in shops’ counts; null while this workspace does not share'),
    feed: z.object({ signals: z.int(), amountFen: fen }),
    legal: z.object({ fraudAmountFen: fen, flags: z.array(legalFlagSchema) }),
  })
  .meta({ id: 'BuyerCredit' });

export const flaggedBuyerSchema = z
  .object({
    buyerId: z.string(),
    fraudAmountFen: fen,
    rejectedFraud: z.int(),
    claimsFiled: z.int(),
    fakePhotos: z.int(),
    updatedAt: isoTime,
    flags: z.array(legalFlagSchema),
  })
  .meta({ id: 'FlaggedBuyer' });

export const flaggedQuery = z.object({
  minFen: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
