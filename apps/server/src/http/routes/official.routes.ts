import {
  OFFICIAL_CHANNEL_KINDS,
  VERDICTS,
  VERIFY_INPUT_KINDS,
  type OfficialMatchKind,
  type LookalikeReason,
} from '@proofdesk/domain';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { bilingualSchema, idParams, isoTime } from '../schemas/common.schemas.js';

const areaCode = z.string().regex(/^\d{6}(\d{3})?$/, '6 or 9 digits');

export const officialChannelSchema = z
  .object({
    id: z.string(),
    kind: z.enum(OFFICIAL_CHANNEL_KINDS),
    value: z.string().describe('Canonical: phone digits or ASCII host'),
    display: z.string(),
    label: z.string(),
    areaCode: z.string().nullable().describe('Division a hotline serves; null = nationwide'),
    areaName: z.string().nullable(),
    active: z.boolean(),
    version: z.int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'OfficialChannel' });

const newChannelBody = z.object({
  kind: z.enum(OFFICIAL_CHANNEL_KINDS),
  value: z.string().min(1).max(300).describe('As written: `400-186-5909`, `https://www.brand.com.cn/`'),
  label: z.string().min(1).max(100),
  areaCode: areaCode.nullable().optional(),
});

const channelPatchBody = z.object({
  label: z.string().min(1).max(100).optional(),
  areaCode: areaCode.nullable().optional(),
  active: z.boolean().optional(),
  expectedVersion: z.int().min(1).optional(),
});

const summarySchema = z
  .object({
    since: isoTime,
    total: z.int(),
    byVerdict: z.record(z.string(), z.int()),
    byInputKind: z.record(z.string(), z.int()),
    notOfficialNumbers: z.array(z.object({ number: z.string(), count: z.int() })),
    notOfficialSites: z.array(z.object({ host: z.string(), lookalikeOf: z.string().nullable(), count: z.int() })),
  })
  .meta({ id: 'VerifyQuerySummary' });

const technicianCodeSchema = z
  .object({
    code: z.string(),
    display: z.string().describe('XXXX-XXXX-XXXX, printed under the QR'),
    path: z.string().describe('The public verification page with the code, for the QR: /verify/<slug>?t=<code>'),
    expiresAt: isoTime,
    technicianName: z.string(),
  })
  .meta({ id: 'TechnicianCode' });

const MATCH_KINDS = [
  'hotline',
  'website',
  'outlet',
  'outlet_phone',
  'technician',
] as const satisfies readonly OfficialMatchKind[];
const LOOKALIKE_REASONS = [
  'homoglyph',
  'typo',
  'brand_in_other_domain',
  'other_suffix',
] as const satisfies readonly LookalikeReason[];

const districtSchema = z.object({ code: z.string(), fullName: z.string() }).nullable();
const areaReading = {
  areaCandidates: z
    .array(z.object({ code: z.string(), fullName: z.string() }))
    .describe('When the district in words named several places: pick one and send its areaCode'),
  areaNote: bilingualSchema.nullable().describe('Why the district in words gave no district'),
};

export const officialChannelsViewSchema = z
  .object({
    hotlines: z.array(z.object({ display: z.string(), label: z.string(), areaName: z.string().nullable() })),
    websites: z.array(z.object({ domain: z.string(), label: z.string() })),
    outlets: z.array(
      z.object({
        name: z.string(),
        address: z.string(),
        areaName: z.string().nullable(),
        phones: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'OfficialChannelsView' });

export const verifyAnswerSchema = z
  .object({
    brand: z.string(),
    input: z.object({ kind: z.enum(VERIFY_INPUT_KINDS), display: z.string().nullable() }),
    verdict: z.enum(VERDICTS),
    text: bilingualSchema,
    match: z
      .object({
        kind: z.enum(MATCH_KINDS),
        label: z.string(),
        outletName: z.string().nullable(),
        validUntil: isoTime.nullable(),
        orderAreaName: z.string().nullable(),
      })
      .nullable(),
    lookalike: z.object({ officialDomain: z.string(), reason: z.enum(LOOKALIKE_REASONS) }).nullable(),
    district: districtSchema,
    ...areaReading,
    channels: officialChannelsViewSchema,
  })
  .meta({ id: 'VerifyAnswer' });

/** Bounded per IP: enough for a person checking a few numbers, too few to enumerate technician codes. */
const VERIFY_PER_MINUTE = 20;
const CHANNELS_PER_MINUTE = 60;

const slugParams = z.object({ slug: z.string().min(1).max(100) });

/**
 * Official-channel verification: the brand's registry (hotlines, websites) for the console, the technician code for
 * the QR on a work order, and the public verification and channel routes (no login, rate-limited per IP).
 */
export function officialRoutes(deps: AppDeps): ApiRoute[] {
  const { officialChannels, officialVerify } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/official-channels',
      access: 'network.read',
      summary: 'The brand’s registered hotlines and websites',
      tags: ['official channels'],
      schema: {
        response: {
          200: z.object({
            items: z.array(officialChannelSchema),
            verifyPath: z.string().describe('The public verification page: /verify/<slug>'),
          }),
        },
      },
      handler: async ({ actor }) => ({
        items: [...(await officialChannels.listChannels(actor))],
        verifyPath: await officialChannels.verifyPath(actor),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/official-channels',
      access: 'network.admin',
      summary: 'Register a hotline or website',
      description:
        'The value is stored canonically (any notation of the number, any form of the URL finds it). A mobile ' +
        'cannot be a hotline; outlets and technicians are official through the service network.',
      tags: ['official channels'],
      status: 201,
      idempotent: true,
      schema: { body: newChannelBody, response: { 201: officialChannelSchema } },
      handler: ({ actor, body }) => officialChannels.createChannel(actor, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/official-channels/:id',
      access: 'network.admin',
      summary: 'Change or deactivate a registered channel',
      tags: ['official channels'],
      schema: { params: idParams, body: channelPatchBody, response: { 200: officialChannelSchema } },
      handler: ({ actor, params, body }) => officialChannels.updateChannel(actor, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/official-channels/queries/summary',
      access: 'network.read',
      summary: 'What the public asked: counts, and the impersonating numbers and sites asked about most',
      tags: ['official channels'],
      schema: {
        querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
        response: { 200: summarySchema },
      },
      handler: ({ actor, query }) => officialChannels.querySummary(actor, query.days),
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders/:id/technician-code',
      access: 'service.work',
      summary: 'The technician’s verification code for the QR on this work order',
      description:
        'The current code of the order’s technician, or a new one. It verifies until it expires or the order is ' +
        'reassigned or cancelled. A technician reaches only their own orders.',
      tags: ['official channels'],
      schema: { params: idParams, response: { 200: technicianCodeSchema } },
      handler: ({ actor, params }) => officialVerify.issueTechnicianCode(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/workspaces/:slug/verify',
      access: 'public',
      summary: 'Is this number, website, outlet or technician really the brand’s?',
      description:
        'Reads any notation of a phone number (400-1865-909, +86, spaces, full-width digits, 转 extensions), a ' +
        'website, an outlet’s name or a technician code (or the QR’s link), and answers official / not official / ' +
        'unknown with the real channels for the district. Logged without customer data; rate-limited per IP.',
      tags: ['verification'],
      rateLimit: { max: VERIFY_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: slugParams,
        body: z.object({
          input: z.string().max(2000),
          areaCode: areaCode.optional(),
          area: z.string().max(80).optional().describe('The district in words, read by the area resolver'),
        }),
        response: { 200: verifyAnswerSchema },
      },
      handler: ({ params, body }) => officialVerify.verify(params.slug, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/public/workspaces/:slug/official-channels',
      access: 'public',
      summary: 'The brand’s official channels for a district',
      tags: ['verification'],
      rateLimit: { max: CHANNELS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: slugParams,
        querystring: z.object({ areaCode: areaCode.optional(), area: z.string().max(80).optional() }),
        response: {
          200: z.object({
            brand: z.string(),
            district: districtSchema,
            ...areaReading,
            channels: officialChannelsViewSchema,
          }),
        },
      },
      handler: ({ params, query }) => officialVerify.channels(params.slug, query),
    }),
  ];
}
