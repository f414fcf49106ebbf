/**
 * Storing uploaded photos (services/upload.ts) through the services on each dialect: a file that is not a supported
 * image is refused from its first bytes and leaves the blob folder as it was (no blob, no temp file), however it is
 * chunked; an image still streams into the store in full.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { createClaimsHarness, type ClaimsHarness } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes } from '../testing/forgeries.js';
import { SNIFF_HEAD_BYTES, storePhoto } from './upload.js';

const PHOTO = fixtureBytes('camera/fujifilm-dx10.jpg');
const code = (c: string) => (error: unknown) => {
  assert.ok(error instanceof DomainError, String(error));
  assert.equal(error.code, c, error.message);
  return true;
};

/** Every file under `dir`, temp files included. */
function files(dir: string): string[] {
  let found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    found = statSync(path).isDirectory() ? [...found, ...files(path)] : [...found, path];
  }
  return found.sort();
}

/** `bytes` as a stream of `size`-byte chunks that notes how far it was read. */
function chunked(bytes: Uint8Array, size: number, read: { bytes: number; closed: boolean }) {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let at = 0; at < bytes.length; at += size) {
          const chunk = bytes.subarray(at, at + size);
          read.bytes += chunk.length;
          yield await Promise.resolve(chunk); // a chunk at a time, as a socket delivers them
        }
      } finally {
        read.closed = true;
      }
    },
  };
}

/** Refused files: what they start with, and what the refusal names. */
const NOT_IMAGES: readonly [string, Buffer, RegExp][] = [
  ['x.jpg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'), /SVG/],
  ['x.png', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x20)]), /PDF/],
  ['x.heic', Buffer.alloc(0), /empty/],
  [
    'x.webp',
    Buffer.concat([Buffer.from('<?xml version="1.0"?>\n'), Buffer.alloc(300, 0x20), Buffer.from('<svg></svg>')]),
    /SVG/,
  ],
];

for (const dialect of TEST_DIALECTS) {
  describe(`storing uploaded photos on ${dialect}`, () => {
    let h: ClaimsHarness;
    let orderId: string;
    let productId: string;
    before(async () => {
      h = await createClaimsHarness(dialect);
      orderId = (
        await h.services.orders.createOrder(h.agent, { platform: 'taobao', platformOrderId: 'U-1', amountFen: 10_000 })
      ).id;
      productId = (await h.services.catalogue.createProduct(h.agent, { sku: 'U-SKU', name: '指纹锁' })).id;
    });
    after(() => h.dispose());

    it('refuses a file that is not an image with 415 before writing a byte, for evidence and reference photos', async () => {
      const claim = await h.services.claims.createClaim(h.agent, {
        orderId,
        type: 'refund_only',
        reason: '锁舌卡住',
        amountFen: 5_000,
      });
      await h.services.evidence.addEvidence(
        h.agent,
        claim.id,
        { filename: 'ok.jpg', source: [PHOTO], maxBytes: 1 << 24 },
        'buyer',
      );
      const kept = files(h.blobRoot);
      assert.equal(kept.filter((f) => !f.startsWith(join(h.blobRoot, 'tmp'))).length, 1, 'the accepted photo');
      for (const [filename, bytes, what] of NOT_IMAGES)
        for (const chunkBytes of [1, 7, 4096, 65_536]) {
          const read = { bytes: 0, closed: false };
          await assert.rejects(
            h.services.evidence.addEvidence(
              h.agent,
              claim.id,
              { filename, source: chunked(bytes, chunkBytes, read), maxBytes: 1 << 24 },
              'buyer',
            ),
            (error: unknown) => code('unsupported_media_type')(error) && what.test((error as Error).message),
          );
          assert.ok(
            read.bytes <= Math.max(SNIFF_HEAD_BYTES + chunkBytes, chunkBytes),
            `${filename} read ${read.bytes}`,
          );
          assert.ok(read.closed, 'the source is released');
          await assert.rejects(
            h.services.catalogue.addReferencePhoto(
              h.agent,
              { kind: 'listing', productId },
              { filename, source: chunked(bytes, chunkBytes, { bytes: 0, closed: false }), maxBytes: 1 << 24 },
            ),
            code('unsupported_media_type'),
          );
          assert.deepEqual(files(h.blobRoot), kept, `${filename} in ${chunkBytes}-byte chunks left no file`);
        }
      assert.equal((await h.services.evidence.listEvidence(h.agent, claim.id)).length, 1);
    });

    it('streams an image into the store whole, whatever its chunking, and refuses an oversized one', async () => {
      const store = new FsBlobStore(h.blobRoot);
      const sha256 = createHash('sha256').update(PHOTO).digest('hex');
      for (const chunkBytes of [101, 1000, SNIFF_HEAD_BYTES, PHOTO.length]) {
        const read = { bytes: 0, closed: false };
        const stored = await storePhoto(store, {
          filename: 'p.jpg',
          source: chunked(PHOTO, chunkBytes, read),
          maxBytes: PHOTO.length,
        });
        assert.equal(stored.format, 'jpeg');
        assert.deepEqual(stored.blob, { sha256, bytes: PHOTO.length });
        assert.ok(Buffer.from(stored.bytes).equals(PHOTO));
        assert.ok(Buffer.from(await store.get(sha256)).equals(PHOTO));
        assert.equal(read.bytes, PHOTO.length);
      }
      const kept = files(h.blobRoot);
      const other = Buffer.concat([PHOTO, Buffer.from('trailing bytes change the hash')]);
      for (const maxBytes of [100, PHOTO.length]) {
        const read = { bytes: 0, closed: false };
        await assert.rejects(
          storePhoto(store, { filename: 'big.jpg', source: chunked(other, 512, read), maxBytes }),
          code('payload_too_large'),
        );
        assert.ok(read.closed, 'the source is released');
      }
      assert.deepEqual(files(h.blobRoot), kept);
    });
  });
}
