import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { signBuyerLink, verifyBuyerLink } from './buyer-link.js';

const key = Buffer.alloc(32, 7);
const claims = { claimId: 'claim-a', workspaceId: 'ws-1', expiresAtMs: 1_000_000 };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

test('a link verifies before its expiry and names its one claim and workspace', () => {
  const token = signBuyerLink(claims, key);
  assert.deepEqual(verifyBuyerLink(token, key, 999_999), claims);
});

test('at and after the expiry the link answers link_expired', () => {
  const token = signBuyerLink(claims, key);
  assert.equal(
    codeOf(() => verifyBuyerLink(token, key, 1_000_000)),
    'link_expired',
  );
});

test('a link signed with another key, or edited to name another claim, is unauthenticated', () => {
  const token = signBuyerLink(claims, key);
  assert.equal(
    codeOf(() => verifyBuyerLink(token, Buffer.alloc(32, 8), 0)),
    'unauthenticated',
  );
  const [version, , signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ c: 'claim-b', w: 'ws-1', e: 1_000_000 })).toString('base64url');
  assert.equal(
    codeOf(() => verifyBuyerLink(`${version}.${forged}.${signature}`, key, 0)),
    'unauthenticated',
  );
  for (const junk of ['', 'b1', 'b1..', 'b2.x.y', `${token}.extra`])
    assert.equal(
      codeOf(() => verifyBuyerLink(junk, key, 0)),
      'unauthenticated',
      junk,
    );
});

test('a short key is refused when signing', () => {
  assert.throws(() => signBuyerLink(claims, Buffer.alloc(16)), RangeError);
});
