import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { HmacPseudonymiser } from './hmac.pseudonymiser.js';

describe('HmacPseudonymiser', () => {
  const key = randomBytes(32);
  const p = new HmacPseudonymiser(key);

  it('gives the same buyer the same identity, and another platform or account another one', () => {
    const id = p.buyerIdentity('taobao', 'tb_buyer_001');
    assert.match(id, /^[0-9a-f]{64}$/);
    assert.equal(p.buyerIdentity('taobao', 'tb_buyer_001'), id);
    assert.equal(p.buyerIdentity(' Taobao ', 'tb_buyer_001'), id);
    assert.notEqual(p.buyerIdentity('jd', 'tb_buyer_001'), id);
    assert.notEqual(p.buyerIdentity('taobao', 'tb_buyer_002'), id);
    assert.notEqual(p.buyerIdentity('taobao', 'TB_BUYER_001'), id, 'account ids are case-sensitive');
  });

  it('separates the fields: ("ab", "c") and ("a", "bc") differ', () => {
    assert.notEqual(p.buyerIdentity('ab', 'c'), p.buyerIdentity('a', 'bc'));
  });

  it('gives every way of writing one phone number the same index', () => {
    const index = p.phoneIndex('13800138000');
    for (const form of ['+86 138-0013-8000', '+8613800138000', '008613800138000', '8613800138000', '138 0013 8000'])
      assert.equal(p.phoneIndex(form), index, form);
    assert.notEqual(p.phoneIndex('13800138001'), index);
    assert.throws(() => p.phoneIndex('—'), /digits/);
  });

  it('keeps purposes apart and depends on the key', () => {
    // A phone number used as an account id must not produce the phone's index, nor a plain HMAC of it.
    const phone = '13800138000';
    const index = p.phoneIndex(phone);
    assert.notEqual(p.buyerIdentity('', phone), index);
    assert.notEqual(createHmac('sha256', key).update(phone).digest('hex'), index);
    const other = new HmacPseudonymiser(randomBytes(32));
    assert.notEqual(other.phoneIndex(phone), index);
    assert.notEqual(other.buyerIdentity('taobao', 'tb_buyer_001'), p.buyerIdentity('taobao', 'tb_buyer_001'));
    assert.equal(new HmacPseudonymiser(Buffer.from(key)).phoneIndex(phone), index);
  });

  it('refuses a key shorter than 32 bytes', () => {
    assert.throws(() => new HmacPseudonymiser(randomBytes(16)), /at least 32 bytes/);
  });
});
