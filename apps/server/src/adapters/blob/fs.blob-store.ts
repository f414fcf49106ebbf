import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, type BlobRef, type BlobStore } from '@proofdesk/domain';
import { fsyncDir } from '../system/fsync-dir.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed blobs on the local filesystem: `<root>/<aa>/<bb>/<sha256>`. A write goes to a temp file in
 * `<root>/tmp`, is fsynced, renamed into place, and the directory fsynced, so a blob whose `put` resolved survives
 * `kill -9` and power loss, and a half-written blob is never visible under its name. The same bytes are stored once.
 */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new TypeError(`Not a SHA-256 hex digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(data: Uint8Array): Promise<BlobRef> {
    return this.putStream([data], Number.MAX_SAFE_INTEGER);
  }

  async putStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<BlobRef> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const file = await open(tmpPath, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o640);
    try {
      for await (const chunk of source) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes)
          throw new DomainError(
            'payload_too_large',
            { zh: `文件超过 ${maxBytes} 字节上限`, en: `The file exceeds the limit of ${maxBytes} bytes` },
            { maxBytes },
          );
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(tmpPath, { force: true });
      throw error;
    }
    await file.close();
    const sha256 = hash.digest('hex');
    const finalPath = this.pathOf(sha256);
    if (await exists(finalPath)) {
      await rm(tmpPath, { force: true });
      return { sha256, bytes };
    }
    const dir = join(this.root, sha256.slice(0, 2), sha256.slice(2, 4));
    await mkdir(dir, { recursive: true });
    await rename(tmpPath, finalPath);
    await fsyncDir(dir);
    return { sha256, bytes };
  }

  async get(sha256: string): Promise<Uint8Array> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new DomainError('not_found', { zh: `未找到文件 ${sha256}`, en: `No blob ${sha256}` }, { sha256 });
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
