import { createHash, createHmac } from 'node:crypto';
import type { ContactCipher } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';

/** Smallest network key, in bytes. */
export const MIN_NETWORK_KEY_BYTES = 32;
const LABEL = 'proofdesk-feed/1 buyer';

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * A buyer's network identity: HMAC-SHA256 under the key the network's participants share, over the label
 * `proofdesk-feed/1 buyer`, then the platform (trimmed, lower case) and the account id, each prefixed with its UTF-8
 * length as 4 big-endian bytes; 64 lowercase hex. Another implementation computes the same (docs/feeds.md).
 */
export function networkIdentity(key: Buffer, platform: string, accountId: string): string {
  return createHmac('sha256', key)
    .update(lengthPrefixed(LABEL))
    .update(lengthPrefixed(platform.trim().toLowerCase()))
    .update(lengthPrefixed(accountId))
    .digest('hex');
}

/** What admins see of a network key: SHA-256 of the key bytes, first 16 hex digits in groups of 4. */
export function networkKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16).match(/.{4}/g)!.join(':');
}

/** The workspace's network key, opened; null when none is set. */
export async function loadNetworkKey(
  db: Kysely<Database>,
  cipher: ContactCipher,
  workspaceId: string,
): Promise<Buffer | null> {
  const row = await db
    .selectFrom('feed_settings')
    .select(['network_key_id', 'network_key_ciphertext'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row?.network_key_id || !row.network_key_ciphertext) return null;
  return Buffer.from(cipher.open(row.network_key_id, row.network_key_ciphertext), 'base64');
}
