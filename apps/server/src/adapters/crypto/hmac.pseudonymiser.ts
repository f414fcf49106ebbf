import { createHmac } from 'node:crypto';
import { normalisePhone, type Pseudonymiser } from '@proofdesk/domain';

/** Labels that derive one sub-key per purpose from the master key, so an identity HMAC never equals a phone HMAC. */
const IDENTITY_LABEL = 'proofdesk/v1/buyer-identity';
const PHONE_LABEL = 'proofdesk/v1/phone-index';
const MIN_KEY_BYTES = 32;

/**
 * Keyed one-way identifiers with HMAC-SHA256. From the master key it derives one key per purpose
 * (`HMAC(master, label)`), and each input is length-prefixed, so `("ab", "c")` and `("a", "bc")` differ and a
 * buyer identity can never be confused with a phone index. Output is lowercase hex (64 characters).
 * @example
 * const p = new HmacPseudonymiser(masterKey);
 * p.phoneIndex('+86 138-0013-8000') === p.phoneIndex('13800138000'); // true
 */
export class HmacPseudonymiser implements Pseudonymiser {
  private readonly identityKey: Buffer;
  private readonly phoneKey: Buffer;

  /** @throws {TypeError} when the master key is shorter than 32 bytes */
  constructor(masterKey: Buffer) {
    if (masterKey.length < MIN_KEY_BYTES)
      throw new TypeError(`The HMAC key must be at least ${MIN_KEY_BYTES} bytes, got ${masterKey.length}`);
    this.identityKey = createHmac('sha256', masterKey).update(IDENTITY_LABEL).digest();
    this.phoneKey = createHmac('sha256', masterKey).update(PHONE_LABEL).digest();
  }

  buyerIdentity(platform: string, accountId: string): string {
    return createHmac('sha256', this.identityKey)
      .update(lengthPrefixed(platform.trim().toLowerCase()))
      .update(lengthPrefixed(accountId))
      .digest('hex');
  }

  /** @throws {TypeError} when the phone has no digits */
  phoneIndex(phone: string): string {
    const digits = normalisePhone(phone);
    if (digits === '') throw new TypeError('A phone number needs digits');
    return createHmac('sha256', this.phoneKey).update(lengthPrefixed(digits)).digest('hex');
  }
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
