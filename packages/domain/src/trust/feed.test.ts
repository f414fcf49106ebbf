import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  FEED_GENESIS_HASH,
  feedEntryHash,
  feedEntryMessage,
  feedKeyFingerprint,
  parseFeedEntry,
  signFeedEntry,
  verifyFeedEntries,
  type FeedEntry,
  type UnsignedFeedEntry,
} from './feed.js';

const FEED = 'feed_test_1';
const HASH_A = 'a'.repeat(64);

function keyPair(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKey: jwk.x! };
}

/** A well-formed feed of `n` entries: signals, and a retraction of the first as entry 3. */
function feed(n: number, privateKey: KeyObject): FeedEntry[] {
  const entries: FeedEntry[] = [];
  let prevHash = FEED_GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const at = `2026-11-01T08:00:${String(seq).padStart(2, '0')}.000Z`;
    const unsigned: UnsignedFeedEntry =
      seq === 3
        ? { seq, id: `e${seq}`, type: 'retraction', at, body: { signalId: 's1', reason: 'appeal' }, prevHash }
        : {
            seq,
            id: `e${seq}`,
            type: 'fraud_signal',
            at,
            body: {
              signalId: `s${seq}`,
              pdqHashes: [HASH_A],
              buyer: null,
              amountFen: 1000 * seq,
              confirmedAt: at,
              reasonCode: 'evidence_forged',
            },
            prevHash,
          };
    const entry = signFeedEntry(FEED, unsigned, privateKey);
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

const START = { seq: 0, hash: FEED_GENESIS_HASH };

describe('feed protocol', () => {
  const { privateKey, publicKey } = keyPair();

  it('hashes a canonical encoding: field order does not matter, every field does', () => {
    const [entry] = feed(1, privateKey);
    const reordered = JSON.parse(JSON.stringify({ ...entry!, body: { ...entry!.body } })) as FeedEntry;
    assert.equal(feedEntryHash(FEED, reordered), entry!.hash);
    assert.match(feedEntryMessage(FEED, entry!).toString(), /^proofdesk-feed\/1\n\{"at":/);
    assert.notEqual(feedEntryHash('other_feed', entry!), entry!.hash);
    assert.notEqual(feedEntryHash(FEED, { ...entry!, at: '2026-11-01T08:00:02.000Z' }), entry!.hash);
  });

  it('accepts a well-formed feed, from the start or from a head', () => {
    const entries = feed(5, privateKey);
    const all = verifyFeedEntries(FEED, publicKey, entries, START);
    assert.equal(all.failure, null);
    assert.equal(all.accepted.length, 5);
    assert.deepEqual(all.head, { seq: 5, hash: entries[4]!.hash });
    const rest = verifyFeedEntries(FEED, publicKey, entries.slice(2), { seq: 2, hash: entries[1]!.hash });
    assert.equal(rest.failure, null);
    assert.equal(rest.accepted.length, 3);
  });

  const tampered: [string, (e: FeedEntry[]) => unknown[], string, number][] = [
    [
      'a changed body byte',
      (e) => e.map((x, i) => (i === 2 ? { ...x, body: { ...x.body, reason: 'appeaL' } } : x)),
      'hash_mismatch',
      2,
    ],
    [
      'a changed amount',
      (e) => e.map((x, i) => (i === 1 && x.type === 'fraud_signal' ? { ...x, body: { ...x.body, amountFen: 1 } } : x)),
      'hash_mismatch',
      1,
    ],
    [
      'a forged signature',
      (e) =>
        e.map((x, i) =>
          i === 3 ? { ...x, signature: Buffer.from(x.signature, 'base64url').fill(7, 0, 8).toString('base64url') } : x,
        ),
      'bad_signature',
      3,
    ],
    ['a dropped entry', (e) => [e[0], e[1], e[3], e[4]], 'seq_gap', 2],
    ['re-ordered entries', (e) => [e[0], e[2], e[1], e[3]], 'seq_gap', 1],
    ['a renumbered entry after a drop', (e) => [e[0], { ...e[2]!, seq: 2 }], 'prev_hash_mismatch', 1],
    ['an extra field', (e) => e.map((x, i) => (i === 1 ? { ...x, note: 'hi' } : x)), 'malformed', 1],
    ['not an object', (e) => [e[0], 'entry'], 'malformed', 1],
  ];
  for (const [name, tamper, code, acceptedBefore] of tampered)
    it(`rejects ${name}, accepting nothing after the break`, () => {
      const result = verifyFeedEntries(FEED, publicKey, tamper(feed(5, privateKey)), START);
      assert.equal(result.failure?.code, code);
      assert.equal(result.accepted.length, acceptedBefore);
      assert.equal(result.head.seq, acceptedBefore);
      assert.equal(result.failure?.expectedSeq, acceptedBefore + 1);
      assert.ok(result.failure.text.zh.length > 0 && result.failure.text.en.length > 0);
    });

  it('rejects a feed signed by another key, re-signed consistently', () => {
    const other = keyPair();
    const result = verifyFeedEntries(FEED, publicKey, feed(3, other.privateKey), START);
    assert.equal(result.failure?.code, 'bad_signature');
    assert.equal(result.accepted.length, 0);
  });

  it('rejects a feed whose entries do not continue the subscriber’s head', () => {
    const result = verifyFeedEntries(FEED, publicKey, feed(3, privateKey), { seq: 0, hash: 'b'.repeat(64) });
    assert.equal(result.failure?.code, 'prev_hash_mismatch');
  });

  it('refuses a pinned key that is not a 32-byte Ed25519 key', () => {
    for (const bad of ['', 'abc', Buffer.alloc(31).toString('base64url'), '!!!'])
      assert.equal(verifyFeedEntries(FEED, bad, [], START).failure?.code, 'bad_key');
  });

  it('parses only the protocol’s shapes', () => {
    const [entry] = feed(1, privateKey);
    assert.ok(parseFeedEntry(entry));
    const bad: unknown[] = [
      { ...entry, seq: 0 },
      { ...entry, seq: 1.5 },
      { ...entry, type: 'other' },
      { ...entry, at: 'yesterday' },
      { ...entry, body: { ...entry!.body, pdqHashes: 'a'.repeat(64) } },
      { ...entry, body: { ...entry!.body, pdqHashes: ['A'.repeat(64)] } },
      { ...entry, body: { ...entry!.body, pdqHashes: Array(33).fill(HASH_A) } },
      { ...entry, body: { ...entry!.body, amountFen: -1 } },
      { ...entry, body: { ...entry!.body, buyer: 'someone' } },
      null,
      [],
    ];
    for (const value of bad) assert.equal(parseFeedEntry(value), null, JSON.stringify(value)?.slice(0, 80));
  });

  it('fingerprints a key as 8 groups of 4 hex digits', () => {
    assert.match(feedKeyFingerprint(publicKey), /^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
    assert.notEqual(feedKeyFingerprint(publicKey), feedKeyFingerprint(keyPair().publicKey));
  });
});
