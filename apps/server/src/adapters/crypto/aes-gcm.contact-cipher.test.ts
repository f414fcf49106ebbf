import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { AesGcmContactCipher, ContactCipherError, type ContactCipherFailure } from './aes-gcm.contact-cipher.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const contact = JSON.stringify({ name: '张三', phone: '13800138000', address: '四川省凉山州甘洛县新市坝镇 1 号' });

function rejectsWith(fn: () => unknown, reason: ContactCipherFailure): void {
  assert.throws(fn, (error: unknown) => error instanceof ContactCipherError && error.reason === reason);
}

/** The sealed text with one byte of one part (2 iv, 3 data, 4 tag) flipped. */
function flip(sealed: string, part: 2 | 3 | 4, byteIndex = 0): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[byteIndex] = bytes[byteIndex]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('AesGcmContactCipher', () => {
  const cipher = new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1 } });

  it('round-trips Chinese contact data in the v1.<keyId>.<iv>.<data>.<tag> form, never in plaintext', () => {
    const sealed = cipher.seal(contact);
    assert.equal(sealed.keyId, 'k1');
    assert.match(sealed.ciphertext, /^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    assert.ok(!sealed.ciphertext.includes('13800138000'));
    assert.equal(cipher.open(sealed.keyId, sealed.ciphertext), contact);
    assert.equal(cipher.open('k1', cipher.seal('').ciphertext), '');
  });

  it('uses a fresh IV each time: the same text seals differently', () => {
    const a = cipher.seal(contact).ciphertext;
    const b = cipher.seal(contact).ciphertext;
    assert.notEqual(a, b);
    assert.notEqual(a.split('.')[2], b.split('.')[2]);
  });

  it('rotates: old values open under the new keyring, new ones use the current key, reseal moves them', () => {
    const old = cipher.seal(contact);
    const rotated = new AesGcmContactCipher({ currentKeyId: 'k2', keys: { k2, k1 } });
    assert.equal(rotated.open(old.keyId, old.ciphertext), contact);
    const fresh = rotated.seal(contact);
    assert.equal(fresh.keyId, 'k2');
    assert.ok(fresh.ciphertext.startsWith('v1.k2.'));
    const moved = rotated.reseal(old.keyId, old.ciphertext);
    assert.equal(moved.changed, true);
    assert.equal(moved.keyId, 'k2');
    assert.equal(rotated.open(moved.keyId, moved.ciphertext), contact);
    assert.deepEqual(rotated.reseal(moved.keyId, moved.ciphertext), { ...moved, changed: false });
    // Once k1 is retired, what was sealed with it no longer opens.
    const retired = new AesGcmContactCipher({ currentKeyId: 'k2', keys: { k2 } });
    rejectsWith(() => retired.open(old.keyId, old.ciphertext), 'unknown_key');
  });

  for (const [label, part] of [
    ['IV', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ] as const)
    it(`detects a flipped byte in the ${label}`, () => {
      const sealed = cipher.seal(contact).ciphertext;
      rejectsWith(() => cipher.open('k1', flip(sealed, part)), 'tampered');
      rejectsWith(() => cipher.open('k1', flip(sealed, part, 11)), 'tampered');
    });

  it('binds the key id: a value relabelled to another key of the ring does not open', () => {
    const both = new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1, k2 } });
    const sealed = both.seal(contact).ciphertext;
    const relabelled = sealed.replace(/^v1\.k1\./, 'v1.k2.');
    rejectsWith(() => both.open('k2', relabelled), 'tampered');
    rejectsWith(() => both.open('k2', sealed), 'malformed');
  });

  it('refuses an unknown key id, malformed text and a truncated value', () => {
    const sealed = cipher.seal(contact).ciphertext;
    rejectsWith(() => cipher.open('k9', sealed.replace('v1.k1.', 'v1.k9.')), 'unknown_key');
    rejectsWith(() => cipher.open('constructor', sealed.replace('v1.k1.', 'v1.constructor.')), 'unknown_key');
    rejectsWith(() => cipher.open('k1', 'hello'), 'malformed');
    rejectsWith(() => cipher.open('k1', sealed.replace(/^v1/, 'v2')), 'malformed');
    rejectsWith(() => cipher.open('k1', sealed.slice(0, sealed.lastIndexOf('.'))), 'malformed');
    rejectsWith(() => cipher.open('k1', sealed.slice(0, -4)), 'malformed');
  });

  it('refuses a keyring whose current key is missing, or a key that is not 32 bytes', () => {
    assert.throws(() => new AesGcmContactCipher({ currentKeyId: 'k2', keys: { k1 } }), /not in the keyring/);
    assert.throws(() => new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(16) } }), /32 bytes/);
    assert.throws(() => new AesGcmContactCipher({ currentKeyId: 'a.b', keys: { 'a.b': k1 } }), /key id/);
  });
});
