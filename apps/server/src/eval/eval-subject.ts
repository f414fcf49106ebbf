/**
 * What the benchmark measures: the product's own `checkPhoto` through the real adapters (`createForensicPorts`:
 * sharp, exifr, c2pa-wasm), with the merchant's reference photos prepared once by `prepareReference`. Only the
 * report is read (verdict, score, findings).
 */
import { createHash } from 'node:crypto';
import {
  DEFAULT_LIMITS,
  checkPhoto,
  prepareReference,
  type PhotoInput,
  type PhotoReport,
  type PreparedReference,
} from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import type { ReferenceFile } from './reference-files.js';

/** The checker under test. */
export interface EvalSubject {
  /** Whether claim photos are matched against the references (false: reference-free signals only). */
  readonly referenceMatching: boolean;
  /** Registers the reference photos once, before any check; says which could not be prepared and why. */
  prepare(references: readonly ReferenceFile[]): Promise<{ prepared: number; failed: readonly string[] }>;
  check(input: PhotoInput): Promise<PhotoReport>;
  close(): Promise<void>;
}

/** Options of {@link createEvalSubject}. */
export interface EvalSubjectOptions {
  /** Check without references: measures the reference-free signals alone (default false). */
  readonly withoutReferences?: boolean;
}

/** The product as shipped, wired to its real adapters. */
export function createEvalSubject(options: EvalSubjectOptions = {}): EvalSubject {
  const ports = createForensicPorts(DEFAULT_LIMITS);
  const prepared: PreparedReference[] = [];
  const useReferences = !options.withoutReferences;
  return {
    referenceMatching: useReferences,
    async prepare(references) {
      const failed: string[] = [];
      if (!useReferences) return { prepared: 0, failed };
      for (const ref of references) {
        const sha256 = createHash('sha256').update(ref.bytes).digest('hex');
        const result = await prepareReference({ file: ref.file, bytes: ref.bytes, sha256 }, ports);
        if (result.ok) prepared.push(result);
        else failed.push(`${ref.file} (${result.reason}: ${result.message})`);
      }
      return { prepared: prepared.length, failed };
    },
    check: (input) => checkPhoto(input, ports, useReferences ? { references: prepared } : {}),
    close: () => ports.close(),
  };
}
