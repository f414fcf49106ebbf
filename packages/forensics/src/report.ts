import type { LocalizedText } from './text.js';
import type { FindingCode } from './finding-catalogue.js';

/** How much a single finding matters on its own. */
export type Severity = 'info' | 'warn' | 'high';

/** The overall outcome for one photo. `error`: the photo could not be analysed (see its finding). */
export type Verdict = 'clean' | 'suspicious' | 'forged' | 'error';

/** A rectangle in the checked photo's own pixel coordinates, after EXIF orientation. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One observation about a photo, explained in both languages. */
export interface Finding {
  /** Stable dotted code, see `docs/findings.md`. */
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Strength of this finding, 0..1, already multiplied by its catalogue weight. */
  readonly score: number;
  readonly title: LocalizedText;
  readonly detail: LocalizedText;
  readonly regions?: readonly Region[];
  readonly ref?: { readonly file: string; readonly distance: number };
  /** The raw facts the finding rests on (tag values, manifest fields), for reviewers and exports. */
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** The report for one checked photo (the JSON contract of `proofdesk check --json`). */
export interface PhotoReport {
  readonly file: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  /** Width after EXIF orientation, in pixels; 0 when unknown. */
  readonly width: number;
  /** Height after EXIF orientation, in pixels; 0 when unknown. */
  readonly height: number;
  /** Format sniffed from the bytes (never from the file name), e.g. `jpeg`; `unknown` when not recognised. */
  readonly format: string;
  readonly verdict: Verdict;
  /** Combined score 0..1 (see `verdict.ts`). */
  readonly score: number;
  readonly findings: readonly Finding[];
  /** Raw facts gathered while checking (metadata, provenance), kept for reviewers and evidence packages. */
  readonly facts: PhotoFacts;
}

/** Raw facts about a photo; every field optional because real files carry any subset. */
export interface PhotoFacts {
  readonly byteLength?: number;
  readonly storedWidth?: number;
  readonly storedHeight?: number;
  readonly orientation?: number;
  readonly camera?: { readonly make?: string; readonly model?: string };
  readonly software?: readonly string[];
  readonly captureTime?: Readonly<Record<string, unknown>>;
  readonly c2pa?: Readonly<Record<string, unknown>>;
  readonly aigcLabel?: Readonly<Record<string, unknown>>;
  readonly digitalSourceType?: readonly string[];
  readonly generator?: Readonly<Record<string, unknown>>;
  readonly thumbnail?: Readonly<Record<string, unknown>>;
  /** JPEG structure: process, estimated quality per quantisation table, standard or custom tables. */
  readonly jpeg?: Readonly<Record<string, unknown>>;
  /** What the tamper signals (ELA, double compression, noise) measured, whether or not they found anything. */
  readonly tamper?: Readonly<Record<string, unknown>>;
  readonly errors?: readonly string[];
  readonly timingsMs?: Readonly<Record<string, number>>;
}

/** The whole JSON document printed by `proofdesk check --json`. */
export interface CheckOutput {
  readonly reports: readonly PhotoReport[];
}

export type { LocalizedText };
