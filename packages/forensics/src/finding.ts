import { FINDING_CATALOGUE, type FindingCode } from './finding-catalogue.js';
import type { Finding, Region, Severity } from './report.js';
import type { LocalizedText } from './text.js';

/** What a signal knows when it builds a finding; the title defaults to the catalogue's. */
export interface FindingInput {
  readonly severity: Severity;
  /** Signal strength 0..1 before the catalogue weight is applied. */
  readonly strength: number;
  readonly detail: LocalizedText;
  readonly title?: LocalizedText;
  readonly regions?: readonly Region[];
  readonly ref?: { readonly file: string; readonly distance: number };
  readonly facts?: Readonly<Record<string, unknown>>;
}

/**
 * Builds a finding, scoring it as strength × the code's catalogue weight (rounded to 3 decimals).
 * @throws {RangeError} when `strength` is outside 0..1
 */
export function makeFinding(code: FindingCode, input: FindingInput): Finding {
  if (!(input.strength >= 0 && input.strength <= 1)) {
    throw new RangeError(`Expected strength between 0 and 1 for finding ${code} but received ${input.strength}`);
  }
  const entry = FINDING_CATALOGUE[code];
  const score = Math.round(input.strength * entry.weight * 1000) / 1000;
  return {
    code,
    severity: input.severity,
    score,
    title: input.title ?? entry.title,
    detail: input.detail,
    ...(input.regions ? { regions: input.regions } : {}),
    ...(input.ref ? { ref: input.ref } : {}),
    ...(input.facts ? { facts: input.facts } : {}),
  };
}
