import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { DomainError } from '@proofdesk/domain';
import { FsBlobStore } from './fs.blob-store.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const isDomainError = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('FsBlobStore', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'proofdesk-blobs-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let n = 0;
  const freshStore = () => {
    const root = join(scratch, `store-${++n}`);
    return { root, store: new FsBlobStore(root) };
  };

  it('round-trips bytes under <root>/<aa>/<bb>/<sha256>, with nothing left in tmp', async () => {
    const { root, store } = freshStore();
    const photo = randomBytes(200_000);
    const ref = await store.put(photo);
    const digest = sha256(photo);
    assert.deepEqual(ref, { sha256: digest, bytes: 200_000 });
    assert.deepEqual(filesUnder(root), [join(digest.slice(0, 2), digest.slice(2, 4), digest)]);
    assert.ok(Buffer.from(await store.get(digest)).equals(photo));
    assert.equal(await store.has(digest), true);
    assert.equal(statSync(join(root, digest.slice(0, 2), digest.slice(2, 4), digest)).size, 200_000);
  });

  it('streams chunks from an async source and hashes them as one', async () => {
    const { store } = freshStore();
    const parts = [randomBytes(10), randomBytes(65_536), new Uint8Array(0), randomBytes(3)];
    async function* source() {
      for (const part of parts) {
        await setImmediate();
        yield part;
      }
    }
    const ref = await store.putStream(source(), 70_000);
    const whole = Buffer.concat(parts);
    assert.deepEqual(ref, { sha256: sha256(whole), bytes: whole.length });
    assert.ok(Buffer.from(await store.get(ref.sha256)).equals(whole));
  });

  it('stores the same bytes once', async () => {
    const { root, store } = freshStore();
    const bytes = Buffer.from('同一张照片 the same photo');
    const first = await store.put(bytes);
    const second = await store.putStream([bytes.subarray(0, 5), bytes.subarray(5)], 1_000);
    assert.deepEqual(second, first);
    assert.equal(filesUnder(root).length, 1);
  });

  it('aborts past maxBytes with payload_too_large and leaves no blob and no temp file', async () => {
    const { root, store } = freshStore();
    const chunk = randomBytes(1_000);
    await assert.rejects(store.putStream([chunk, chunk, chunk], 2_999), isDomainError('payload_too_large'));
    assert.deepEqual(filesUnder(root), []);
    assert.equal(await store.has(sha256(Buffer.concat([chunk, chunk, chunk]))), false);
    // Exactly at the limit is accepted.
    assert.equal((await store.putStream([chunk, chunk], 2_000)).bytes, 2_000);
  });

  it('leaves nothing behind when the source fails mid-stream', async () => {
    const { root, store } = freshStore();
    async function* failing() {
      yield randomBytes(100);
      await setImmediate();
      throw new Error('connection reset');
    }
    await assert.rejects(store.putStream(failing(), 1_000), /connection reset/);
    assert.deepEqual(filesUnder(root), []);
  });

  it('takes concurrent puts of the same bytes: one blob, every caller told the same ref', async () => {
    const { root, store } = freshStore();
    const bytes = randomBytes(300_000);
    const refs = await Promise.all(Array.from({ length: 12 }, () => store.put(bytes)));
    for (const ref of refs) assert.deepEqual(ref, refs[0]);
    const files = filesUnder(root);
    assert.equal(files.length, 1);
    assert.ok(readFileSync(join(root, files[0]!)).equals(bytes));
  });

  it('answers not_found for a missing blob', async () => {
    const { store } = freshStore();
    const missing = sha256(Buffer.from('never stored'));
    await assert.rejects(store.get(missing), isDomainError('not_found'));
    assert.equal(await store.has(missing), false);
  });

  it('refuses a sha256 that is not 64 lowercase hex digits (no path tricks)', async () => {
    const { store } = freshStore();
    const stored = await store.put(Buffer.from('x'));
    for (const bad of [
      '../../etc/passwd',
      stored.sha256.toUpperCase(),
      stored.sha256.slice(1),
      `${stored.sha256}0`,
      '',
    ])
      await assert.rejects(store.get(bad), /Not a SHA-256 hex digest/, bad);
    await assert.rejects(store.has('../tmp'), /Not a SHA-256 hex digest/);
  });
});
