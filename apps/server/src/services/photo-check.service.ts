import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checkPhoto,
  errorReport,
  makeFinding,
  text,
  tooManyBytesFinding,
  type DecodeLimits,
  type ForensicPorts,
  type PhotoReport,
  type PreparedReference,
} from '@proofdesk/forensics';

/** Options for checking photo files. */
export interface CheckFilesOptions {
  readonly limits: DecodeLimits;
  readonly deliveredAt?: Date;
  /** Prepared reference photos to match every photo against. */
  readonly references?: readonly PreparedReference[];
  /** How many photos are checked at once (default 2: decoding runs on libvips' threads, one per core). */
  readonly concurrency?: number;
  /** Called after each photo, with the count done so far. */
  readonly onProgress?: (done: number, total: number, report: PhotoReport) => void;
}

/**
 * Expands the command line's paths: files as given, directories to their non-hidden regular files, sorted by name,
 * not recursing. Missing paths are kept (they become `error` reports, not crashes).
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isFile() && !entry.name.startsWith('.')) files.push(join(path, entry.name));
    }
  }
  return files;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * Reads one photo file within the byte limit and checks it. A file over the limit is hashed by streaming and
 * reported as `error` without being loaded; a file that cannot be read at all (missing, a directory, no
 * permission) is reported as `error` too. Never throws for bad files.
 */
export async function checkFile(
  path: string,
  ports: ForensicPorts,
  options: Omit<CheckFilesOptions, 'onProgress' | 'concurrency'>,
): Promise<PhotoReport> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error);
    return errorReport(
      { file: path, sha256: '', byteLength: 0 },
      makeFinding('input.unreadable', {
        severity: 'info',
        strength: 0,
        detail: text(`无法读取文件：${reason}。`, `The file cannot be read: ${reason}.`),
        facts: { reason },
      }),
    );
  }
  if (size > options.limits.maxBytes) {
    const sha256 = await sha256OfFile(path);
    return errorReport({ file: path, sha256, byteLength: size }, tooManyBytesFinding(size, options.limits.maxBytes));
  }
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return checkPhoto({ file: path, bytes: view, sha256 }, ports, {
    limits: options.limits,
    ...(options.deliveredAt ? { deliveredAt: options.deliveredAt } : {}),
    ...(options.references?.length ? { references: options.references } : {}),
  });
}

/** Checks many photo files with bounded concurrency; reports come back in input order. */
export async function checkFiles(
  paths: readonly string[],
  ports: ForensicPorts,
  options: CheckFilesOptions,
): Promise<PhotoReport[]> {
  const reports: PhotoReport[] = new Array<PhotoReport>(paths.length);
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, paths.length));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      const report = await checkFile(paths[index]!, ports, options);
      reports[index] = report;
      done++;
      options.onProgress?.(done, paths.length, report);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return reports;
}
