import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers a webhook request carries. */
export const WEBHOOK_HEADERS = {
  /** The delivery id: the same on every retry of one notification; receivers de-duplicate on it. */
  delivery: 'proofdesk-delivery',
  /** Unix seconds when this attempt was signed. */
  timestamp: 'proofdesk-timestamp',
  /** `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the endpoint's secret. */
  signature: 'proofdesk-signature',
  topic: 'proofdesk-topic',
} as const;

/** How far a signed timestamp may be from the receiver's clock before the request is refused as a replay. */
export const WEBHOOK_TOLERANCE_S = 300;

/**
 * The signature header value for a body sent at `timestampS`.
 * @example signWebhook('whsec_…', 1764000000, '{"id":"…"}') // 'v1=5f…'
 */
export function signWebhook(secret: string, timestampS: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampS}.${rawBody}`).digest('hex')}`;
}

export type WebhookVerification =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

/**
 * What a receiver does (documented in docs/notifications.md; this is the reference implementation): recompute the
 * HMAC over `<timestamp>.<raw body>` exactly as received, compare in constant time, refuse a timestamp more than
 * `toleranceS` from now (a captured request cannot be replayed later), then de-duplicate on the delivery id.
 */
export function verifyWebhook(
  secret: string,
  headers: { readonly timestamp?: string; readonly signature?: string },
  rawBody: string,
  nowMs: number,
  toleranceS = WEBHOOK_TOLERANCE_S,
): WebhookVerification {
  if (!headers.timestamp || !headers.signature) return { ok: false, reason: 'missing_headers' };
  const timestampS = Number(headers.timestamp);
  if (!Number.isInteger(timestampS) || Math.abs(nowMs / 1000 - timestampS) > toleranceS)
    return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signWebhook(secret, timestampS, rawBody));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
