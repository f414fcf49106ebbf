import { FINDING_CATALOGUE } from './finding-catalogue.js';
import type { Finding, Verdict } from './report.js';

/** A photo whose combined score reaches this is `suspicious`. */
export const SUSPICIOUS_SCORE = 0.35;
/** A decisive finding (see the catalogue) at or above this score makes the photo `forged`. */
export const DECISIVE_SCORE = 0.9;

/**
 * Combines findings into a score and a verdict.
 *
 * - `score` = 1 − Π(1 − scoreᵢ): independent evidence accumulates, and no number of weak signals reaches 1.
 * - `forged` only when a decisive finding (an AI assertion in C2PA, IPTC, the AIGC label or generator
 *   parameters) scores at least {@link DECISIVE_SCORE}.
 * - `suspicious` when the score reaches {@link SUSPICIOUS_SCORE} or any finding has severity `high`.
 * - `clean` otherwise. Findings with weight 0 (absent metadata, positive provenance) never move the score:
 *   stripped or recompressed photos stay clean.
 */
export function combineFindings(findings: readonly Finding[]): { score: number; verdict: Exclude<Verdict, 'error'> } {
  const score = 1 - findings.reduce((keep, f) => keep * (1 - Math.min(1, Math.max(0, f.score))), 1);
  const rounded = Math.round(score * 1000) / 1000;
  if (findings.some((f) => FINDING_CATALOGUE[f.code].decisive && f.score >= DECISIVE_SCORE)) {
    return { score: rounded, verdict: 'forged' };
  }
  if (rounded >= SUSPICIOUS_SCORE || findings.some((f) => f.severity === 'high')) {
    return { score: rounded, verdict: 'suspicious' };
  }
  return { score: rounded, verdict: 'clean' };
}
