import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { feedKeyFingerprint, type ContactCipher } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { generateFeedKeyPair, loadFeedPrivateKey } from '../../adapters/crypto/ed25519.feed-keys.js';
import type { Database } from '../../adapters/db/schema.js';

/** The public half of a workspace's package-signing key, as staff see it and `signing-key.json` carries it. */
export interface PackageSigningKeyView {
  readonly algorithm: 'Ed25519';
  /** Raw 32-byte Ed25519 public key, base64url (the fraud feeds' form). */
  readonly publicKey: string;
  /** The same key as an SPKI PEM, for `openssl pkeyutl -verify`. */
  readonly publicKeyPem: string;
  /** First 32 hex digits of SHA-256 of the raw key, groups of 4 (`feedKeyFingerprint`). */
  readonly fingerprint: string;
  readonly createdAt: string;
}

/** A key ready to sign: its public view and the opened private key. */
export interface PackageSigner {
  readonly key: PackageSigningKeyView;
  /** Ed25519 signature of exactly these bytes, base64. */
  sign(bytes: Uint8Array): string;
}

/** The SPKI PEM of a raw base64url Ed25519 public key. @throws when it is not 32 bytes */
export function publicKeyObject(publicKeyB64url: string): KeyObject {
  const raw = Buffer.from(publicKeyB64url, 'base64url');
  if (raw.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function viewOf(row: { public_key: string; fingerprint: string; created_at: string }): PackageSigningKeyView {
  return {
    algorithm: 'Ed25519',
    publicKey: row.public_key,
    publicKeyPem: publicKeyObject(row.public_key).export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

/**
 * The workspace's package-signing key, made on first use: a fresh Ed25519 pair (the feed keys' adapter), the
 * private key sealed with the contact cipher. Two first uses at once insert one row (the other's insert is ignored)
 * and both read the winner back, so every export of a workspace names the same key.
 * @returns the key and whether this call made it
 */
export async function ensurePackageSigningKey(
  db: Kysely<Database>,
  cipher: ContactCipher,
  workspaceId: string,
  at: string,
): Promise<{ readonly signer: PackageSigner; readonly created: boolean }> {
  const read = () =>
    db.selectFrom('package_signing_keys').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  let row = await read();
  let created = false;
  if (!row) {
    const keys = generateFeedKeyPair();
    const sealed = cipher.seal(keys.privateKeyPkcs8);
    const inserted = await db
      .insertInto('package_signing_keys')
      .values({
        workspace_id: workspaceId,
        public_key: keys.publicKey,
        fingerprint: feedKeyFingerprint(keys.publicKey),
        private_key_id: sealed.keyId,
        private_key_ciphertext: sealed.ciphertext,
        created_at: at,
      })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .executeTakeFirst();
    created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    row = await read();
    if (!row) throw new Error(`package signing key of ${workspaceId} vanished`);
  }
  return { created, signer: packageSigner(row, cipher.open(row.private_key_id, row.private_key_ciphertext)) };
}

/** A signer of an (opened) key pair. @throws when the private key is not a PKCS#8 DER key */
export function packageSigner(
  row: { public_key: string; fingerprint: string; created_at: string },
  privateKeyPkcs8: string,
): PackageSigner {
  const privateKey = loadFeedPrivateKey(privateKeyPkcs8);
  return { key: viewOf(row), sign: (bytes) => sign(null, bytes, privateKey).toString('base64') };
}

/** Whether `signatureB64` is an Ed25519 signature of exactly `bytes` under the raw base64url public key. */
export function verifyPackageSignature(bytes: Uint8Array, signatureB64: string, publicKeyB64url: string): boolean {
  const signature = Buffer.from(signatureB64.trim(), 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, bytes, publicKeyObject(publicKeyB64url), signature);
  } catch {
    return false;
  }
}
