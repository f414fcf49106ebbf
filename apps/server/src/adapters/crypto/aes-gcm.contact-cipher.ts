import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ContactCipher } from '@proofdesk/domain';

/** Keys to seal and open contact data: new data uses `currentKeyId`; every key listed can still open old data. */
export interface ContactKeyring {
  readonly currentKeyId: string;
  /** Key id → 32-byte AES-256 key. Key ids are `[A-Za-z0-9_-]{1,32}` (they appear in the sealed text). */
  readonly keys: Readonly<Record<string, Buffer>>;
}

/** Why a sealed value could not be opened. */
export type ContactCipherFailure = 'unknown_key' | 'malformed' | 'tampered';

/** Thrown when sealed contact data cannot be opened: unknown key id, malformed text, or altered bytes. */
export class ContactCipherError extends Error {
  override readonly name = 'ContactCipherError';
  constructor(
    readonly reason: ContactCipherFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Checks a keyring: the current key exists, every id is well formed and every key is 32 bytes.
 * @throws {TypeError} naming the first problem
 */
export function assertValidKeyring(keyring: ContactKeyring): void {
  for (const [id, key] of Object.entries(keyring.keys)) {
    if (!KEY_ID.test(id)) throw new TypeError(`Contact key id "${id}" must match ${KEY_ID.source}`);
    if (key.length !== KEY_BYTES)
      throw new TypeError(`Contact key "${id}" must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  if (!Object.hasOwn(keyring.keys, keyring.currentKeyId))
    throw new TypeError(`The current contact key "${keyring.currentKeyId}" is not in the keyring`);
}

/**
 * AES-256-GCM with a random 96-bit IV per seal. The sealed text is
 * `v1.<keyId>.<iv b64url>.<ciphertext b64url>.<tag b64url>`; the version and key id are bound to the ciphertext as
 * additional authenticated data, so changing either makes `open` fail like any other alteration.
 *
 * Keys rotate by adding a new key as current and keeping the old ones: old values still open, new ones use the new
 * key, and {@link AesGcmContactCipher.reseal} moves a value to the current key.
 * @example
 * const cipher = new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } });
 * const { keyId, ciphertext } = cipher.seal('13800138000');
 * cipher.open(keyId, ciphertext); // '13800138000'
 */
export class AesGcmContactCipher implements ContactCipher {
  private readonly keyring: ContactKeyring;

  /** @throws {TypeError} when the keyring is invalid (see {@link assertValidKeyring}) */
  constructor(keyring: ContactKeyring) {
    assertValidKeyring(keyring);
    this.keyring = { currentKeyId: keyring.currentKeyId, keys: { ...keyring.keys } };
  }

  /** The key id new values are sealed with. */
  get currentKeyId(): string {
    return this.keyring.currentKeyId;
  }

  seal(plaintext: string): { keyId: string; ciphertext: string } {
    const keyId = this.keyring.currentKeyId;
    const key = this.keyring.keys[keyId]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(keyId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return { keyId, ciphertext: [VERSION, keyId, b64(iv), b64(body), b64(tag)].join('.') };
  }

  /**
   * @throws {ContactCipherError} `unknown_key` when the key id is not in the keyring, `malformed` when the text is not
   *   a v1 sealed value or names another key than `keyId`, `tampered` when authentication fails
   */
  open(keyId: string, ciphertext: string): string {
    const parts = ciphertext.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION || !parts.every((p) => B64URL.test(p)))
      throw new ContactCipherError('malformed', 'Sealed contact data is not in the v1.<keyId>.<iv>.<data>.<tag> form');
    const [, sealedKeyId, ivText, bodyText, tagText] = parts as [string, string, string, string, string];
    if (sealedKeyId !== keyId)
      throw new ContactCipherError(
        'malformed',
        `Sealed contact data names key "${sealedKeyId}" but is stored as key "${keyId}"`,
      );
    const key = this.keyring.keys[keyId];
    if (!key || !Object.hasOwn(this.keyring.keys, keyId))
      throw new ContactCipherError('unknown_key', `Contact key "${keyId}" is not in the keyring (was it removed?)`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
      throw new ContactCipherError('malformed', 'Sealed contact data has a wrong IV or tag length');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new ContactCipherError('tampered', 'Sealed contact data failed authentication: it was altered', {
        cause: error,
      });
    }
  }

  /**
   * Re-seals a value under the current key (key rotation). Returns the value unchanged when it already uses it.
   * @throws {ContactCipherError} as {@link open}
   */
  reseal(keyId: string, ciphertext: string): { keyId: string; ciphertext: string; changed: boolean } {
    const plaintext = this.open(keyId, ciphertext);
    if (keyId === this.keyring.currentKeyId) return { keyId, ciphertext, changed: false };
    return { ...this.seal(plaintext), changed: true };
  }
}

function aad(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}
