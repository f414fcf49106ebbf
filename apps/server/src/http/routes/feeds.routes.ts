import { FEED_ENTRY_TYPES } from '@proofdesk/domain';
import { z } from 'zod';
import { FEED_SUBSCRIPTION_STATUSES } from '../../adapters/db/schema-feeds.js';
import { DEFAULT_FEED_PAGE, MAX_FEED_PAGE } from '../../services/feed-publisher.service.js';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { bilingualSchema, idParams, isoTime, okSchema } from '../schemas/common.schemas.js';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const headSchema = z.object({ seq: z.int(), hash: hex64 }).meta({ id: 'FeedHead' });

export const feedEntrySchema = z
  .object({
    seq: z.int().min(1),
    id: z.string(),
    type: z.enum(FEED_ENTRY_TYPES),
    at: isoTime,
    body: z
      .union([
        z.object({
          signalId: z.string(),
          pdqHashes: z.array(hex64),
          buyer: hex64.nullable().describe('HMAC of (platform, account id) under the network key, or null'),
          amountFen: z.int(),
          confirmedAt: isoTime,
          reasonCode: z.string(),
        }),
        z.object({ signalId: z.string(), reason: z.string() }),
      ])
      .describe('fraud_signal: the signal; retraction: which signal it withdraws, and why'),
    prevHash: hex64,
    hash: hex64.describe(
      'SHA-256 of "proofdesk-feed/1\\n" + canonical JSON of { feedId, seq, id, type, at, body, prevHash }',
    ),
    signature: z.string().describe('Ed25519 over the same bytes, base64url'),
  })
  .meta({ id: 'FeedEntry' });

const feedSettingsSchema = z
  .object({
    publishing: z.boolean(),
    feedId: z.string().nullable(),
    feedPath: z.string().nullable().describe('What subscribers pull: /api/v1/feeds/<feedId>'),
    publicKey: z.string().nullable().describe('Raw Ed25519 public key, base64url: give it to subscribers out of band'),
    fingerprint: z.string().nullable(),
    head: headSchema,
    networkKey: z.object({ set: z.boolean(), fingerprint: z.string().nullable() }),
  })
  .meta({ id: 'FeedSettings' });

const subscriptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    status: z.enum(FEED_SUBSCRIPTION_STATUSES),
    lastSeq: z.int(),
    lastPulledAt: isoTime.nullable(),
    nextPullAt: isoTime.nullable(),
    lastError: z.object({ code: z.string(), text: bilingualSchema, at: isoTime }).nullable(),
    signals: z.int(),
    retracted: z.int(),
    createdAt: isoTime,
  })
  .meta({ id: 'FeedSubscription' });

const feedParams = z.object({ feedId: z.string().min(1).max(100) });
const pageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_FEED_PAGE).default(DEFAULT_FEED_PAGE),
});
/** Generous for subscribers polling every few minutes; bounds scraping of feed ids. */
const FEED_READS_PER_MINUTE = 120;

/**
 * Fraud feeds (docs/feeds.md): the public read of a feed by its unguessable id (no session), the admin's own feed
 * and network key, and subscriptions to other installations' feeds.
 */
export function feedRoutes(deps: AppDeps): ApiRoute[] {
  const { feedPublisher, feedSubscriptions } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/feeds/:feedId',
      access: 'public',
      summary: 'A fraud feed’s public key and head',
      description: 'Anyone holding the unguessable feed id may read it; subscribers pin the key out of band.',
      tags: ['feeds'],
      rateLimit: { max: FEED_READS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: feedParams,
        response: {
          200: z.object({
            protocol: z.string(),
            feedId: z.string(),
            publicKey: z.string(),
            fingerprint: z.string(),
            head: headSchema,
          }),
        },
      },
      handler: ({ params }) => feedPublisher.feedInfo(params.feedId),
    }),
    defineRoute({
      method: 'GET',
      url: '/feeds/:feedId/entries',
      access: 'public',
      summary: 'A page of a fraud feed’s signed entries after a seq',
      tags: ['feeds'],
      rateLimit: { max: FEED_READS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: feedParams,
        querystring: pageQuery,
        response: { 200: z.object({ feedId: z.string(), entries: z.array(feedEntrySchema), head: headSchema }) },
      },
      handler: ({ params, query }) => feedPublisher.feedEntries(params.feedId, query.after, query.limit),
    }),
    defineRoute({
      method: 'GET',
      url: '/feed-settings',
      access: 'workspace.admin',
      summary: 'This workspace’s fraud feed: publishing, key fingerprint, head; network key fingerprint',
      tags: ['feeds'],
      schema: { response: { 200: feedSettingsSchema } },
      handler: ({ actor }) => feedPublisher.settings(actor),
    }),
    defineRoute({
      method: 'PUT',
      url: '/feed-settings/publishing',
      access: 'workspace.admin',
      summary: 'Turn publishing of confirmed-fraud signals on or off',
      description: 'The first time on creates the feed id and its Ed25519 key pair. Retractions go out even when off.',
      tags: ['feeds'],
      schema: { body: z.object({ enabled: z.boolean() }), response: { 200: feedSettingsSchema } },
      handler: ({ actor, body }) => feedPublisher.setPublishing(actor, body.enabled),
    }),
    defineRoute({
      method: 'PUT',
      url: '/feed-settings/network-key',
      access: 'workspace.admin',
      summary: 'Set the key the network’s participants share for buyer identities',
      description: 'Base64 of at least 32 bytes; sealed at rest, only its fingerprint is shown again.',
      tags: ['feeds'],
      schema: { body: z.object({ key: z.string().min(1).max(200) }), response: { 200: feedSettingsSchema } },
      handler: ({ actor, body }) => feedPublisher.setNetworkKey(actor, body.key),
    }),
    defineRoute({
      method: 'GET',
      url: '/feed-settings/entries',
      access: 'workspace.admin',
      summary: 'This workspace’s own feed entries, with their claims',
      tags: ['feeds'],
      schema: {
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(feedEntrySchema.extend({ claimId: z.string() })) }) },
      },
      handler: async ({ actor, query }) => ({
        items: [...(await feedPublisher.ownEntries(actor, query.after, query.limit))],
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/feed-subscriptions',
      access: 'workspace.admin',
      summary: 'Subscribed feeds with their status, last seq and last error',
      tags: ['feeds'],
      schema: { response: { 200: z.object({ items: z.array(subscriptionSchema) }) } },
      handler: async ({ actor }) => ({ items: [...(await feedSubscriptions.list(actor))] }),
    }),
    defineRoute({
      method: 'POST',
      url: '/feed-subscriptions',
      access: 'workspace.admin',
      summary: 'Subscribe to another installation’s feed, pinning its public key',
      tags: ['feeds'],
      status: 201,
      schema: {
        body: z.object({
          name: z.string().min(1).max(100),
          url: z.string().min(1).max(500).describe('<origin>/api/v1/feeds/<feedId>'),
          publicKey: z.string().min(1).max(100).describe('The publisher’s raw Ed25519 public key, base64url'),
        }),
        response: { 201: subscriptionSchema },
      },
      handler: ({ actor, body }) => feedSubscriptions.create(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/feed-subscriptions/:id',
      access: 'workspace.admin',
      summary: 'One subscription',
      tags: ['feeds'],
      schema: { params: idParams, response: { 200: subscriptionSchema } },
      handler: ({ actor, params }) => feedSubscriptions.get(actor, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/feed-subscriptions/:id',
      access: 'workspace.admin',
      summary: 'Unsubscribe; its signals stop counting at once',
      tags: ['feeds'],
      schema: { params: idParams, response: { 200: okSchema } },
      handler: async ({ actor, params }) => {
        await feedSubscriptions.remove(actor, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/feed-subscriptions/:id/pull',
      access: 'workspace.admin',
      summary: 'Pull and verify the feed now',
      tags: ['feeds'],
      status: 202,
      schema: { params: idParams, response: { 202: z.object({ jobId: z.string() }) } },
      handler: ({ actor, params }) => feedSubscriptions.pullNow(actor, params.id),
    }),
  ];
}
