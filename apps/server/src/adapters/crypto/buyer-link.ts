import { createHmac, hkdfSync } from 'node:crypto';
import { DomainError } from '@proofdesk/domain';
import { safeEqual } from './tokens.js';

/** What a buyer link grants: one claim of one workspace until an expiry. */
export interface BuyerLinkClaims {
  readonly claimId: string;
  readonly workspaceId: string;
  /** Epoch milliseconds after which the link answers `link_expired`. */
  readonly expiresAtMs: number;
}

const VERSION = 'b1';

/**
 * The buyer-link key, derived (HKDF-SHA256) from the HMAC master key the key file or `PROOFDESK_HMAC_KEY` holds, so
 * no further secret has to be kept; the derivation's label separates it from the buyer-identity HMACs.
 */
export function deriveBuyerLinkKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'proofdesk/buyer-link/v1', 32));
}

function mac(key: Uint8Array, payload: string): string {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`, 'utf8').digest('base64url');
}

/**
 * A signed, expiring token for one claim: `b1.<payload base64url>.<HMAC-SHA256 base64url>`, the payload being
 * `{ c: claimId, w: workspaceId, e: expiresAtMs }`. The key (≥ 32 bytes) comes from the key file.
 * @example signBuyerLink({ claimId, workspaceId, expiresAtMs: Date.now() + 7 * 86_400_000 }, key)
 */
export function signBuyerLink(claims: BuyerLinkClaims, key: Uint8Array): string {
  if (key.length < 32) throw new RangeError(`buyer link key must be at least 32 bytes, got ${key.length}`);
  const payload = Buffer.from(
    JSON.stringify({ c: claims.claimId, w: claims.workspaceId, e: claims.expiresAtMs }),
    'utf8',
  ).toString('base64url');
  return `${VERSION}.${payload}.${mac(key, payload)}`;
}

/**
 * Checks a buyer link's signature first, then its expiry.
 * @throws {DomainError} `unauthenticated` for a malformed or forged token, `link_expired` once `nowMs` passes expiry
 */
export function verifyBuyerLink(token: string, key: Uint8Array, nowMs: number): BuyerLinkClaims {
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0 || !safeEqual(signature, mac(key, payload)))
    throw invalidLink();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidLink();
  }
  const { c, w, e } = (parsed ?? {}) as { c?: unknown; w?: unknown; e?: unknown };
  if (typeof c !== 'string' || typeof w !== 'string' || typeof e !== 'number') throw invalidLink();
  if (nowMs >= e)
    throw new DomainError(
      'link_expired',
      { zh: '此链接已过期，请联系商家获取新链接', en: 'This link has expired; ask the merchant for a new one' },
      { expiredAt: new Date(e).toISOString() },
    );
  return { claimId: c, workspaceId: w, expiresAtMs: e };
}

function invalidLink(): DomainError {
  return new DomainError('unauthenticated', { zh: '链接无效', en: 'This link is not valid' });
}
