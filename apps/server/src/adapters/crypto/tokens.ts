import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix every API key starts with, so leaked keys are recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = 'pdk_';

/** An opaque random token: `bytes` random bytes (default 32) as base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A new API key, `pdk_` and 32 random bytes as base64url. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomToken(32)}`;
}

/** Lowercase hex SHA-256 of a UTF-8 string: how session tokens and API keys are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time string equality (false for different lengths, without comparing contents). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
