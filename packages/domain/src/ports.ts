/**
 * Ports: the small interfaces through which services reach the outside world. Adapters in `apps/server` implement
 * them; tests substitute only the clock and ids.
 */

/** The current time. */
export interface Clock {
  /** Epoch milliseconds. */
  nowMs(): number;
}

/** Unique, time-ordered ids (sortable as strings by creation time, so they serve as pagination cursors). */
export interface IdGenerator {
  next(): string;
}

/** A stored blob's identity: content-addressed. */
export interface BlobRef {
  /** Lowercase hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Content-addressed storage for evidence and reference photos. `put` is durable when it resolves (written to a temp
 * file, fsynced, renamed) and idempotent (the same bytes are stored once).
 */
export interface BlobStore {
  put(data: Uint8Array): Promise<BlobRef>;
  /** Streams a source to storage while hashing it; rejects and stores nothing when more than `maxBytes` arrive. */
  putStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<BlobRef>;
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
}

/** Buyer contact data, encrypted at rest. */
export interface BuyerContact {
  readonly name?: string;
  readonly phone?: string;
  readonly address?: string;
}

/** Authenticated encryption of contact data with key ids so keys can rotate. */
export interface ContactCipher {
  /** Seals with the current key; the result names the key id. */
  seal(plaintext: string): { keyId: string; ciphertext: string };
  /** Opens with the key the ciphertext names. @throws when the key is unknown or the data was altered. */
  open(keyId: string, ciphertext: string): string;
}

/** Keyed one-way identifiers: who a buyer is, and lookups by phone, without storing either. */
export interface Pseudonymiser {
  /** HMAC of (platform, account id): the same buyer gives the same id across claims. */
  buyerIdentity(platform: string, accountId: string): string;
  /** HMAC of a normalised phone number: a blind index to look a buyer up by phone. */
  phoneIndex(phone: string): string;
}
