import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  auditEventHash,
  canonicalJson,
  GENESIS_HASH,
  verifyAuditChain,
  type AuditEventBody,
  type ChainedAuditEvent,
} from './audit-chain.js';

/** A well-formed chain of `n` events of workspace w1. */
function chain(n: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body: AuditEventBody = {
      workspaceId: 'w1',
      seq,
      at: `2026-11-01T08:00:${String(seq).padStart(2, '0')}.000Z`,
      actor: 'user:u1',
      action: 'claim.status_changed',
      subjectType: 'claim',
      subjectId: `c${seq}`,
      data: { to: 'in_review', amountFen: 1999 * seq },
    };
    const hash = auditEventHash(prev, body);
    events.push({ ...body, id: `ev${seq}`, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('does not depend on key order at any depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'z' } };
    const b = { a: { c: 'z', d: [1, { x: 1, y: 2 }] }, b: 1 };
    assert.equal(canonicalJson(a), canonicalJson(b));
    assert.equal(canonicalJson(a), '{"a":{"c":"z","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('keeps array order, drops undefined fields, and writes scalars as JSON', () => {
    assert.notEqual(canonicalJson([1, 2]), canonicalJson([2, 1]));
    assert.equal(canonicalJson({ a: undefined, b: null }), '{"b":null}');
    assert.equal(canonicalJson('中文"'), '"中文\\""');
    assert.equal(canonicalJson(undefined), 'null');
    assert.equal(canonicalJson({ 'z k': 1, 'a"k': 2 }), '{"a\\"k":2,"z k":1}');
  });

  it('gives the same hash for the same event stored with reordered data keys', () => {
    const [event] = chain(1);
    const reordered = { ...event!, data: { amountFen: 1999, to: 'in_review' } };
    assert.deepEqual(verifyAuditChain([reordered]), { ok: true, checked: 1 });
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and an empty one', () => {
    assert.deepEqual(verifyAuditChain(chain(5)), { ok: true, checked: 5 });
    assert.deepEqual(verifyAuditChain([]), { ok: true, checked: 0 });
  });

  const cases: [string, (events: ChainedAuditEvent[]) => ChainedAuditEvent[], object][] = [
    [
      'altered data',
      (e) => e.map((x) => (x.seq === 3 ? { ...x, data: { to: 'approved' } } : x)),
      { seq: 3, reason: 'hash_mismatch' },
    ],
    [
      'altered actor',
      (e) => e.map((x) => (x.seq === 2 ? { ...x, actor: 'user:u2' } : x)),
      { seq: 2, reason: 'hash_mismatch' },
    ],
    ['a deleted row', (e) => e.filter((x) => x.seq !== 3), { seq: 4, reason: 'sequence_gap' }],
    ['swapped rows', (e) => [e[0]!, e[2]!, e[1]!, e[3]!, e[4]!], { seq: 3, reason: 'sequence_gap' }],
    [
      'a row re-hashed after an edit (its successor no longer links)',
      (e) =>
        e.map((x) => {
          if (x.seq !== 2) return x;
          const { id: _id, prevHash, hash: _hash, ...body } = x;
          const edited = { ...body, data: { to: 'approved' } };
          return { ...edited, id: x.id, prevHash, hash: auditEventHash(prevHash, edited) };
        }),
      { seq: 3, reason: 'prev_hash_mismatch' },
    ],
    ['a chain that does not start at 1', (e) => e.slice(1), { seq: 2, reason: 'sequence_gap' }],
  ];
  for (const [label, breakIt, expected] of cases)
    it(`names the first broken row after ${label}`, () => {
      const result = verifyAuditChain(breakIt(chain(5)));
      assert.equal(result.ok, false);
      assert.deepEqual({ seq: result.firstBreak?.seq, reason: result.firstBreak?.reason }, expected);
      assert.equal(result.firstBreak?.id, `ev${(expected as { seq: number }).seq}`);
    });

  it('verifies page by page from the last verified event', () => {
    const events = chain(10);
    const first = verifyAuditChain(events.slice(0, 4));
    assert.deepEqual(first, { ok: true, checked: 4 });
    const last = events[3]!;
    assert.deepEqual(verifyAuditChain(events.slice(4), { seq: last.seq, hash: last.hash }), { ok: true, checked: 6 });
    // The next page must follow on: a skipped page or the wrong hash is a break.
    assert.equal(
      verifyAuditChain(events.slice(5), { seq: last.seq, hash: last.hash }).firstBreak?.reason,
      'sequence_gap',
    );
    assert.equal(
      verifyAuditChain(events.slice(4), { seq: last.seq, hash: GENESIS_HASH }).firstBreak?.reason,
      'prev_hash_mismatch',
    );
  });
});
