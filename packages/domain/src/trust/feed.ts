import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from '../audit-chain.js';
import type { Bilingual } from '../errors.js';

/**
 * The signed fraud feed's protocol (issue 7, docs/feeds.md, ADR 0017): an append-only list of entries, each bound
 * to the one before by `prevHash` and signed with the publisher's Ed25519 key. Pure: node:crypto computes, nothing
 * here reads a clock, a file or the network.
 */

/** The protocol label; part of every signed message, so a signature over anything else never verifies. */
export const FEED_PROTOCOL = 'proofdesk-feed/1';
export const FEED_ENTRY_TYPES = ['fraud_signal', 'retraction'] as const;
export type FeedEntryType = (typeof FEED_ENTRY_TYPES)[number];
/** The `prevHash` of a feed's first entry (seq 1). */
export const FEED_GENESIS_HASH = GENESIS_HASH;
/** Most PDQ hashes one signal carries. */
export const MAX_SIGNAL_HASHES = 32;

/** A confirmed-fraud signal: the faked photos' PDQ hashes, the buyer's network identity, the amount and when. */
export interface FraudSignalBody {
  readonly signalId: string;
  /** 64 lowercase hex each (PDQ, 256 bits); 0..32 of them (none when the claim's photos could not be hashed). */
  readonly pdqHashes: readonly string[];
  /** HMAC-SHA256 (64 hex) of (platform, account id) under the network's shared key; null when the publisher has none. */
  readonly buyer: string | null;
  readonly amountFen: number;
  readonly confirmedAt: string;
  readonly reasonCode: string;
}

/** Withdraws an earlier signal of the same feed (the decision was reversed on appeal). */
export interface RetractionBody {
  readonly signalId: string;
  readonly reason: string;
}

/** The fields an entry's hash and signature cover. */
export type UnsignedFeedEntry =
  | {
      readonly seq: number;
      readonly id: string;
      readonly type: 'fraud_signal';
      readonly at: string;
      readonly body: FraudSignalBody;
      readonly prevHash: string;
    }
  | {
      readonly seq: number;
      readonly id: string;
      readonly type: 'retraction';
      readonly at: string;
      readonly body: RetractionBody;
      readonly prevHash: string;
    };

/** One entry as the feed serves it: hash is hex SHA-256, signature base64url Ed25519. */
export type FeedEntry = UnsignedFeedEntry & { readonly hash: string; readonly signature: string };

const HEX64 = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The exact bytes an entry's hash and signature cover: the protocol label, a newline, and the canonical JSON
 * (keys sorted at every depth, no white space) of `{ feedId, seq, id, type, at, body, prevHash }`.
 */
export function feedEntryMessage(feedId: string, entry: UnsignedFeedEntry): Buffer {
  const { seq, id, type, at, body, prevHash } = entry;
  return Buffer.from(`${FEED_PROTOCOL}\n${canonicalJson({ feedId, seq, id, type, at, body, prevHash })}`, 'utf8');
}

/** SHA-256 (64 lowercase hex) of {@link feedEntryMessage}. */
export function feedEntryHash(feedId: string, entry: UnsignedFeedEntry): string {
  return createHash('sha256').update(feedEntryMessage(feedId, entry)).digest('hex');
}

/** Hashes and signs an entry with the publisher's Ed25519 private key. */
export function signFeedEntry(feedId: string, entry: UnsignedFeedEntry, privateKey: KeyObject): FeedEntry {
  const message = feedEntryMessage(feedId, entry);
  return {
    ...entry,
    hash: createHash('sha256').update(message).digest('hex'),
    signature: sign(null, message, privateKey).toString('base64url'),
  };
}

/** A raw 32-byte Ed25519 public key (base64url, as feeds publish it) as a key object; null when it is not one. */
export function feedPublicKey(publicKeyB64url: string): KeyObject | null {
  if (typeof publicKeyB64url !== 'string' || !B64URL.test(publicKeyB64url)) return null;
  if (Buffer.from(publicKeyB64url, 'base64url').length !== 32) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKeyB64url }, format: 'jwk' });
  } catch {
    return null;
  }
}

/**
 * The fingerprint admins compare out of band: SHA-256 of the raw public key, first 32 hex digits in groups of 4.
 * @example feedKeyFingerprint('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo') // 'xxxx:xxxx:…' (8 groups)
 */
export function feedKeyFingerprint(publicKeyB64url: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyB64url, 'base64url')).digest('hex');
  return digest.slice(0, 32).match(/.{4}/g)!.join(':');
}

/** Why an entry or a batch was refused. */
export const FEED_FAILURES = [
  'malformed',
  'seq_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'bad_signature',
  'bad_key',
] as const;
export type FeedFailureCode = (typeof FEED_FAILURES)[number];

export interface FeedFailure {
  readonly code: FeedFailureCode;
  /** The seq the subscriber expected at the break. */
  readonly expectedSeq: number;
  readonly text: Bilingual;
}

function failure(code: FeedFailureCode, expectedSeq: number, zh: string, en: string): FeedFailure {
  return { code, expectedSeq, text: { zh: `第 ${expectedSeq} 条：${zh}`, en: `Entry ${expectedSeq}: ${en}` } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k)) && keys.every((k) => k in value);
}

function parseSignal(body: unknown): FraudSignalBody | null {
  if (!isObject(body) || !onlyKeys(body, ['signalId', 'pdqHashes', 'buyer', 'amountFen', 'confirmedAt', 'reasonCode']))
    return null;
  const { signalId, pdqHashes, buyer, amountFen, confirmedAt, reasonCode } = body;
  if (typeof signalId !== 'string' || !ID.test(signalId)) return null;
  if (!Array.isArray(pdqHashes) || pdqHashes.length > MAX_SIGNAL_HASHES) return null;
  if (!pdqHashes.every((h) => typeof h === 'string' && HEX64.test(h))) return null;
  if (buyer !== null && (typeof buyer !== 'string' || !HEX64.test(buyer))) return null;
  if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen < 0) return null;
  if (typeof confirmedAt !== 'string' || !ISO.test(confirmedAt)) return null;
  if (typeof reasonCode !== 'string' || !ID.test(reasonCode)) return null;
  return { signalId, pdqHashes: pdqHashes as string[], buyer, amountFen, confirmedAt, reasonCode };
}

function parseRetraction(body: unknown): RetractionBody | null {
  if (!isObject(body) || !onlyKeys(body, ['signalId', 'reason'])) return null;
  const { signalId, reason } = body;
  if (typeof signalId !== 'string' || !ID.test(signalId)) return null;
  if (typeof reason !== 'string' || reason.length > 500) return null;
  return { signalId, reason };
}

/**
 * Reads one entry from untrusted JSON: exactly the protocol's fields, each of its type and range. It does not
 * check the hash or signature (see {@link verifyFeedEntries}).
 * @returns the entry, or null when it is not well formed
 */
export function parseFeedEntry(value: unknown): FeedEntry | null {
  if (!isObject(value) || !onlyKeys(value, ['seq', 'id', 'type', 'at', 'body', 'prevHash', 'hash', 'signature']))
    return null;
  const { seq, id, type, at, prevHash, hash, signature } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof id !== 'string' || !ID.test(id)) return null;
  if (typeof at !== 'string' || !ISO.test(at)) return null;
  if (typeof prevHash !== 'string' || !HEX64.test(prevHash)) return null;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return null;
  if (typeof signature !== 'string' || !B64URL.test(signature) || signature.length > 200) return null;
  const common = { seq, id, at, prevHash, hash, signature };
  if (type === 'fraud_signal') {
    const body = parseSignal(value.body);
    return body ? { ...common, type, body } : null;
  }
  if (type === 'retraction') {
    const body = parseRetraction(value.body);
    return body ? { ...common, type, body } : null;
  }
  return null;
}

/** Where a subscriber's copy of a feed ends: the last accepted seq (0 before any) and its hash. */
export interface FeedHead {
  readonly seq: number;
  readonly hash: string;
}

/** What {@link verifyFeedEntries} makes of a batch. */
export interface FeedVerification {
  /** The entries accepted, in order: every one before the first failure. */
  readonly accepted: readonly FeedEntry[];
  /** The head after the accepted entries. */
  readonly head: FeedHead;
  /** The first failure; nothing after it was accepted. */
  readonly failure: FeedFailure | null;
}

/**
 * Verifies a batch of entries as a subscriber received them, against the publisher's pinned public key and the
 * subscriber's head: for each entry in order, its shape, seq = head seq + 1, prevHash = head hash, the hash
 * recomputed from the covered fields, and the Ed25519 signature. The batch stops at the first failure: nothing after
 * a break is accepted, and the entries before it stay accepted.
 * @example
 * const { accepted, failure } = verifyFeedEntries(feedId, pinnedKey, page.entries, { seq: 0, hash: FEED_GENESIS_HASH });
 */
export function verifyFeedEntries(
  feedId: string,
  publicKeyB64url: string,
  entries: readonly unknown[],
  head: FeedHead,
): FeedVerification {
  const key = feedPublicKey(publicKeyB64url);
  if (!key)
    return {
      accepted: [],
      head,
      failure: failure('bad_key', head.seq + 1, '订阅固定的公钥无效', 'the pinned public key is not an Ed25519 key'),
    };
  const accepted: FeedEntry[] = [];
  let current = head;
  for (const raw of entries) {
    const expected = current.seq + 1;
    const entry = parseFeedEntry(raw);
    const fail = (code: FeedFailureCode, zh: string, en: string): FeedVerification => ({
      accepted,
      head: current,
      failure: failure(code, expected, zh, en),
    });
    if (!entry) return fail('malformed', '格式不符合协议', 'is not a well-formed entry');
    if (entry.seq !== expected)
      return fail('seq_gap', `序号为 ${entry.seq}，不连续`, `has seq ${entry.seq}: the sequence is not contiguous`);
    if (entry.prevHash !== current.hash)
      return fail('prev_hash_mismatch', '未链接到上一条已接受的记录', 'does not link to the last accepted entry');
    const message = feedEntryMessage(feedId, entry);
    if (createHash('sha256').update(message).digest('hex') !== entry.hash)
      return fail('hash_mismatch', '内容与哈希不符（内容被改动）', 'its content does not match its hash (altered)');
    if (!verify(null, message, key, Buffer.from(entry.signature, 'base64url')))
      return fail('bad_signature', '签名不是固定公钥签发的', 'its signature is not from the pinned key');
    accepted.push(entry);
    current = { seq: entry.seq, hash: entry.hash };
  }
  return { accepted, head: current, failure: null };
}
