import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TestApp } from '../test-app.js';

/** A published feed and a subscription, for the authorisation matrix's samples. */
export interface FeedFixtures {
  readonly feedId: string;
  readonly subscriptionId: string;
  /** Another one, for the unsubscribe sample (the others keep using the first). */
  readonly removableId: string;
  /** A valid publisher key to subscribe with. */
  readonly publicKey: string;
}

type Sample = {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
};

/** A feed URL no one serves (port 9, discard): subscriptions are created, never pulled in the matrix. */
const unservedFeedUrl = () => `http://127.0.0.1:9/api/v1/feeds/${randomBytes(24).toString('base64url')}`;

/** A valid request for each feed route (see the matrix's SAMPLES). */
export const FEED_SAMPLES: Readonly<Record<string, (f: { readonly feeds: FeedFixtures }) => Sample>> = {
  'GET /feeds/:feedId': (f) => ({ params: { feedId: f.feeds.feedId } }),
  'GET /feeds/:feedId/entries': (f) => ({ params: { feedId: f.feeds.feedId }, query: { after: '0', limit: '10' } }),
  'GET /feed-settings': () => ({}),
  'PUT /feed-settings/publishing': () => ({ body: { enabled: true } }),
  'PUT /feed-settings/network-key': () => ({ body: { key: randomBytes(32).toString('base64') } }),
  'GET /feed-settings/entries': () => ({ query: { after: '0' } }),
  'GET /feed-subscriptions': () => ({}),
  'POST /feed-subscriptions': (f) => ({
    body: { name: '合作平台', url: unservedFeedUrl(), publicKey: f.feeds.publicKey },
  }),
  'GET /feed-subscriptions/:id': (f) => ({ params: { id: f.feeds.subscriptionId } }),
  'DELETE /feed-subscriptions/:id': (f) => ({ params: { id: f.feeds.removableId } }),
  'POST /feed-subscriptions/:id/pull': (f) => ({ params: { id: f.feeds.subscriptionId } }),
};

export async function createFeedFixtures(h: TestApp): Promise<FeedFixtures> {
  const admin = h.actors.admin;
  const settings = await h.services.feedPublisher.setPublishing(admin, true);
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
  const subscription = await h.services.feedSubscriptions.create(admin, {
    name: '另一家店',
    url: unservedFeedUrl(),
    publicKey,
  });
  const removable = await h.services.feedSubscriptions.create(admin, {
    name: '将取消的订阅',
    url: unservedFeedUrl(),
    publicKey,
  });
  return { feedId: settings.feedId!, subscriptionId: subscription.id, removableId: removable.id, publicKey };
}
