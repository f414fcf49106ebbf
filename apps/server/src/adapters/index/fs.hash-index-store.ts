/**
 * The hash index kept in one file. Saving is atomic and durable: the bytes go to a temporary file in the same
 * directory, which is fsynced, renamed over the old file, and the directory fsynced, so that after a crash or
 * `kill -9` the path holds either the previous index or the new one, whole. Loading checks the file's version,
 * length and checksum (see `deserialiseHashIndex`) and names the file in any refusal.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  deserialiseHashIndex,
  HashIndexFormatError,
  serialiseHashIndex,
  type HashIndex,
  type HashIndexStore,
} from '@proofdesk/forensics';
import { fsyncDir } from '../system/fsync-dir.js';

/** Writes `bytes` to `path` through a temporary sibling, fsync, rename and a directory fsync. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await fsyncDir(directory);
}

/**
 * A store for the hash index at `path` (for example `data/hash-index.bin`).
 * @example const index = (await store.load()) ?? HashIndex.empty(); ... await store.save(index);
 */
export function createFsHashIndexStore(path: string): HashIndexStore {
  return {
    async load(): Promise<HashIndex | undefined> {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return deserialiseHashIndex(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (error) {
        if (!(error instanceof HashIndexFormatError)) throw error;
        throw new HashIndexFormatError(error.code, `${path}: ${error.message}`, { cause: error });
      }
    },

    async save(index: HashIndex): Promise<void> {
      await writeAtomically(path, serialiseHashIndex(index));
    },
  };
}
