import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { prepareReference, type DecodeLimits, type ForensicPorts, type PreparedReference } from '@proofdesk/forensics';
import { expandPaths } from './photo-check.service.js';

/** A reference file that could not be used, and why. */
export interface ReferenceSkip {
  readonly file: string;
  readonly message: string;
}

/**
 * Prepares the reference photos named on the command line (files, or folders of files) once, for every photo to be
 * checked against them. Unreadable or unusable files are skipped with the reason, never fatal.
 * @returns the prepared references in path order, and the skipped files
 */
export async function prepareReferenceFiles(
  paths: readonly string[],
  ports: Pick<ForensicPorts, 'decoder'>,
  limits: DecodeLimits,
): Promise<{ references: PreparedReference[]; skipped: ReferenceSkip[] }> {
  const references: PreparedReference[] = [];
  const skipped: ReferenceSkip[] = [];
  for (const file of await expandPaths(paths)) {
    let bytes: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a regular file');
      if (info.size > limits.maxBytes) throw new Error(`${info.size} bytes, over the ${limits.maxBytes}-byte limit`);
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ file, message: code === 'ENOENT' ? 'no such file' : (error as Error).message });
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const prepared = await prepareReference({ file, bytes: view, sha256 }, ports, { limits });
    if (prepared.ok) references.push(prepared);
    else skipped.push({ file, message: `${prepared.reason}: ${prepared.message}` });
  }
  return { references, skipped };
}
