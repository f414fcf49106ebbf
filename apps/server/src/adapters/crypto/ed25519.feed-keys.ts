import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** A new feed key pair: the raw public key as feeds publish it, and the private key for sealing at rest. */
export interface FeedKeyPair {
  /** Raw 32-byte Ed25519 public key, base64url. */
  readonly publicKey: string;
  /** PKCS#8 DER private key, base64. A secret: seal it before it touches the database. */
  readonly privateKeyPkcs8: string;
}

/** Generates an Ed25519 key pair for a workspace's feed (node:crypto, the OS's randomness). */
export function generateFeedKeyPair(): FeedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'jwk' }).x!,
    privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The private key object of a (opened) PKCS#8 DER base64 key. @throws when it is not a private key */
export function loadFeedPrivateKey(privateKeyPkcs8: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
}

/** An unguessable feed id: 24 random bytes, base64url (32 characters). */
export function newFeedId(): string {
  return randomBytes(24).toString('base64url');
}
