import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';
import { AesGcmContactCipher } from './aes-gcm.contact-cipher.js';
import {
  formatContactKeys,
  loadOrCreateKeyFile,
  parseContactKeys,
  parseHmacKey,
  resolveBuyerDataKeys,
} from './keyring-config.js';

describe('keyring config', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('parses PROOFDESK_CONTACT_KEYS with the first key current', () => {
    const ring = parseContactKeys(` k2:${k2.toString('base64')} , k1:${k1.toString('base64url')}`);
    assert.equal(ring.currentKeyId, 'k2');
    assert.deepEqual(Object.keys(ring.keys), ['k2', 'k1']);
    assert.ok(ring.keys.k2!.equals(k2));
    assert.ok(ring.keys.k1!.equals(k1));
    assert.deepEqual(parseContactKeys(formatContactKeys(ring)), ring);
  });

  it('names the bad entry without echoing key material', () => {
    const secret = randomBytes(16).toString('base64');
    assert.throws(
      () => parseContactKeys(`k1:${secret}`),
      (e: Error) => /32 bytes/.test(e.message) && !e.message.includes(secret),
    );
    assert.throws(() => parseContactKeys(''), /no key/);
    assert.throws(() => parseContactKeys(k1.toString('base64')), /entry 1/);
    assert.throws(() => parseContactKeys(`k1:${k1.toString('base64')},k1:${k2.toString('base64')}`), /twice/);
    assert.throws(() => parseContactKeys('k1:not base64!'), /not base64/);
  });

  it('parses PROOFDESK_HMAC_KEY of 32 to 64 bytes', () => {
    assert.ok(parseHmacKey(k1.toString('base64')).equals(k1));
    assert.equal(parseHmacKey(randomBytes(64).toString('base64')).length, 64);
    assert.throws(() => parseHmacKey(randomBytes(31).toString('base64')), /32–64 bytes/);
  });

  it('is read by loadConfig from the environment, and bad values join the list of problems', () => {
    const config = loadConfig(
      {
        PROOFDESK_CONTACT_KEYS: `k2:${k2.toString('base64')},k1:${k1.toString('base64')}`,
        PROOFDESK_HMAC_KEY: k1.toString('base64'),
      },
      false,
    );
    assert.equal(config.contactKeys?.currentKeyId, 'k2');
    assert.ok(config.hmacKey?.equals(k1));
    const none = loadConfig({}, false);
    assert.equal(none.contactKeys, undefined);
    assert.equal(none.hmacKey, undefined);
    assert.throws(
      () =>
        loadConfig({ PROOFDESK_CONTACT_KEYS: 'k1:AAAA', PROOFDESK_HMAC_KEY: 'short', PROOFDESK_MAX_BYTES: '0' }, false),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 3,
    );
  });

  describe('loadOrCreateKeyFile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proofdesk-keys-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('creates keys once with mode 0600 and reads the same keys back', async () => {
      const path = join(dir, 'data', 'keys.json');
      const first = await loadOrCreateKeyFile(path);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.equal(first.contactKeys.currentKeyId, 'k1');
      assert.equal(first.hmacKey.length, 32);
      const again = await loadOrCreateKeyFile(path);
      assert.deepEqual(again, first);
      const sealed = new AesGcmContactCipher(first.contactKeys).seal('13800138000');
      assert.equal(new AesGcmContactCipher(again.contactKeys).open(sealed.keyId, sealed.ciphertext), '13800138000');
    });

    it('gives processes starting together one set of keys', async () => {
      const path = join(dir, 'race', 'keys.json');
      const all = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(path)));
      for (const keys of all) assert.deepEqual(keys, all[0]);
      assert.deepEqual(readFileSync(path, 'utf8').length > 0 && (JSON.parse(readFileSync(path, 'utf8')) as object), {
        contactKeys: formatContactKeys(all[0]!.contactKeys),
        hmacKey: all[0]!.hmacKey.toString('base64'),
      });
    });

    it('narrows a world-readable key file to 0600 and refuses a corrupt one', async () => {
      const path = join(dir, 'loose.json');
      writeFileSync(
        path,
        JSON.stringify({ contactKeys: `k7:${k1.toString('base64')}`, hmacKey: k2.toString('base64') }),
      );
      chmodSync(path, 0o644);
      const keys = await loadOrCreateKeyFile(path);
      assert.equal(keys.contactKeys.currentKeyId, 'k7');
      assert.equal(statSync(path).mode & 0o777, 0o600);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{"contactKeys": 1}');
      await assert.rejects(loadOrCreateKeyFile(bad), /must hold/);
    });

    it('lets configured keys win and fills only what is missing from the file', async () => {
      const path = join(dir, 'resolve', 'keys.json');
      const configured = parseContactKeys(`k2:${k2.toString('base64')}`);
      const both = await resolveBuyerDataKeys({ contactKeys: configured, hmacKey: k1 }, path);
      assert.deepEqual(both, { contactKeys: configured, hmacKey: k1 });
      assert.throws(() => statSync(path), /ENOENT/);
      const partial = await resolveBuyerDataKeys({ contactKeys: configured }, path);
      assert.equal(partial.contactKeys, configured);
      assert.deepEqual(partial.hmacKey, (await loadOrCreateKeyFile(path)).hmacKey);
    });
  });
});
