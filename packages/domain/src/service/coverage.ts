import { areaCodeLineage } from './area-code-tree.js';

/**
 * One coverage rule of an outlet: a division code at any level, included or excluded. For a customer's area the
 * outlet's most specific rule on the area's lineage decides: a township rule overrides its county's, a county rule
 * its prefecture's, so an exclude under an include removes a piece and an include under an exclude adds one back.
 */
export interface CoverageRule {
  readonly outletId: string;
  readonly code: string;
  readonly mode: 'include' | 'exclude';
}

export const COVERAGE_MODES = ['include', 'exclude'] as const;

/** Rules grouped by code for lookups along a lineage; build once, query many times. */
export type CoverageRuleIndex = ReadonlyMap<string, readonly CoverageRule[]>;

/** Groups rules by code. When one outlet has both modes on the same code, exclude wins (the safer reading). */
export function indexCoverageRules(rules: readonly CoverageRule[]): CoverageRuleIndex {
  const byCode = new Map<string, Map<string, CoverageRule>>();
  for (const rule of rules) {
    let perOutlet = byCode.get(rule.code);
    if (!perOutlet) byCode.set(rule.code, (perOutlet = new Map<string, CoverageRule>()));
    const existing = perOutlet.get(rule.outletId);
    if (!existing || rule.mode === 'exclude') perOutlet.set(rule.outletId, rule);
  }
  return new Map([...byCode].map(([code, perOutlet]) => [code, [...perOutlet.values()]]));
}

/** For each outlet with a rule on the area's lineage, the rule that decides (the most specific one). */
export function decidingRules(areaCode: string, index: CoverageRuleIndex): Map<string, CoverageRule> {
  const decided = new Map<string, CoverageRule>();
  for (const code of areaCodeLineage(areaCode))
    for (const rule of index.get(code) ?? []) if (!decided.has(rule.outletId)) decided.set(rule.outletId, rule);
  return decided;
}

/**
 * Outlets covering `areaCode` (a township, county or any level), sorted by id.
 * @example coveringOutlets('513435104', [{ outletId: 'a', code: '513435', mode: 'include' }]) // ['a']
 */
export function coveringOutlets(areaCode: string, rules: readonly CoverageRule[] | CoverageRuleIndex): string[] {
  const index = rules instanceof Map ? (rules as CoverageRuleIndex) : indexCoverageRules(rules as CoverageRule[]);
  return [...decidingRules(areaCode, index).values()]
    .filter((rule) => rule.mode === 'include')
    .map((rule) => rule.outletId)
    .sort();
}

/** Whether one outlet's rules cover the area, and the rule that decided (none: no rule on the lineage). */
export function outletCovers(
  areaCode: string,
  outletRules: readonly CoverageRule[],
): { covered: boolean; rule?: CoverageRule } {
  const rule = decidingRules(areaCode, indexCoverageRules(outletRules)).values().next().value;
  return rule ? { covered: rule.mode === 'include', rule } : { covered: false };
}
