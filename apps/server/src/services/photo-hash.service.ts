/**
 * Hashing photo files with PDQ: reads each file within the byte limit and hands the bytes to the core's
 * `hashPhoto` (same decode limits as `check`). Used by `proofdesk hash`; the server will use it for its index.
 */
import { open, stat } from 'node:fs/promises';
import {
  hashPhoto,
  type DecodeLimits,
  type ForensicPorts,
  type PhotoHash,
  type PhotoHashFailure,
} from '@proofdesk/forensics';

/** Why a file could not be hashed: a decode reason, or `unreadable` when the file itself cannot be read. */
export type FileHashFailure = Omit<PhotoHashFailure, 'reason'> & {
  readonly reason: PhotoHashFailure['reason'] | 'unreadable';
};

/** The outcome for one file. */
export type FileHashResult = { readonly file: string } & (PhotoHash | FileHashFailure);

/** Options for hashing photo files. */
export interface HashFilesOptions {
  readonly limits: DecodeLimits;
  /** How many photos are hashed at once (default 2: decoding runs on libvips' threads, one per core). */
  readonly concurrency?: number;
}

/**
 * Hashes one photo file. A file over the byte limit is refused without being read; a missing file, a directory or
 * an unreadable file yields `unreadable`. Never throws for bad files.
 */
export async function hashFile(
  path: string,
  ports: Pick<ForensicPorts, 'decoder'>,
  limits: DecodeLimits,
): Promise<FileHashResult> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { file: path, ok: false, reason: 'unreadable', message: 'not a regular file' };
    if (info.size > limits.maxBytes) {
      return {
        file: path,
        ok: false,
        reason: 'too_large',
        message: `the file is ${info.size} bytes, over the ${limits.maxBytes}-byte limit; it was not read`,
      };
    }
    const handle = await open(path, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    return { file: path, ok: false, reason: 'unreadable', message };
  }
  const result = await hashPhoto(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ports, limits);
  return { file: path, ...result };
}

/**
 * Hashes many photo files with bounded concurrency and hands each result to `onResult` in input order, as soon as it
 * and every result before it are done (so a long list streams). Resolves with all results, in input order.
 */
export async function hashFiles(
  paths: readonly string[],
  ports: Pick<ForensicPorts, 'decoder'>,
  options: HashFilesOptions,
  onResult: (result: FileHashResult, index: number) => void = () => undefined,
): Promise<FileHashResult[]> {
  const results = new Array<FileHashResult | undefined>(paths.length);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, paths.length));
  let next = 0;
  let flushed = 0;
  const flush = () => {
    while (flushed < paths.length && results[flushed] !== undefined) {
      onResult(results[flushed]!, flushed);
      flushed++;
    }
  };
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await hashFile(paths[index]!, ports, options.limits);
      flush();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results as FileHashResult[];
}
