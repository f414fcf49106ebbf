/**
 * What the benchmark measures: the product's own `checkPhoto` through the real adapters (`createForensicPorts`:
 * sharp, exifr, c2pa-wasm), given the reference photos. Only the report is read (verdict, score, findings).
 */
import { DEFAULT_LIMITS, checkPhoto, type PhotoInput, type PhotoReport } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import type { ReferenceFile } from './reference-files.js';

/** The checker under test. */
export interface EvalSubject {
  /** Whether claim photos are matched against the references (false: reference-free signals only). */
  readonly referenceMatching: boolean;
  /** Registers the reference photos once, before any check. */
  prepare(references: readonly ReferenceFile[]): Promise<{ prepared: number; failed: readonly string[] }>;
  check(input: PhotoInput): Promise<PhotoReport>;
  close(): Promise<void>;
}

/**
 * The product as shipped, wired to its real adapters. Reference matching is not in `checkPhoto` yet (the
 * "Reference matching" work is in progress), so this runs every reference-free signal and says so.
 */
export function createEvalSubject(): EvalSubject {
  const ports = createForensicPorts(DEFAULT_LIMITS);
  return {
    referenceMatching: false,
    prepare: (references) => Promise.resolve({ prepared: 0, failed: references.map((r) => r.file) }),
    check: (input) => checkPhoto(input, ports),
    close: () => ports.close(),
  };
}
