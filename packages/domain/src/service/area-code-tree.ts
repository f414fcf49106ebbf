/**
 * The division tree read from the digits of a code alone (GB/T 2260 + NBS township codes), without the names table:
 * province `PP0000`, prefecture `PPCC00`, county `PPCCDD`, township `PPCCDDTTT`. Townships of prefecture-level
 * cities without counties (东莞 4419, 中山 4420, 儋州 4604, 嘉峪关 6202) sit directly under `PPCC00`, which the digits
 * give too (their "county" part is `00`). Used by coverage and dispatch, which must work on any code a client sends.
 */
export type AreaCodeLevel = 'province' | 'prefecture' | 'county' | 'township';

const CODE_RE = /^\d{6}(\d{3})?$/;

/** Whether `code` has the form of a division code (6 digits, or 9 for a township), not whether it exists. */
export function isAreaCode(code: string): boolean {
  return CODE_RE.test(code) && !code.startsWith('00');
}

/** The level of a code from its digits. */
export function areaCodeLevel(code: string): AreaCodeLevel {
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/**
 * The code and its ancestors, nearest first, from the digits: `513435104` → `['513435104', '513435', '513400',
 * '510000']`; `441900003` → `['441900003', '441900', '440000']`.
 */
export function areaCodeLineage(code: string): string[] {
  const lineage = [code];
  const six = code.slice(0, 6);
  for (const candidate of [six, `${six.slice(0, 4)}00`, `${six.slice(0, 2)}0000`])
    if (candidate !== lineage[lineage.length - 1]) lineage.push(candidate);
  return lineage;
}

/**
 * Steps between two codes in the division tree (up from each to their nearest common ancestor): 0 the same area,
 * 1 a township and its county, 2 two townships of one county, … up to 8 across provinces (township to township).
 * Codes in different provinces are one further apart than their depths, as if under a common root.
 */
export function areaTreeDistance(a: string, b: string): number {
  return areaTreeRelation(a, b).distance;
}

/** The distance between two codes and their nearest common ancestor (undefined across provinces). */
export function areaTreeRelation(a: string, b: string): { distance: number; commonAncestor?: string } {
  const up = areaCodeLineage(a);
  const other = areaCodeLineage(b);
  for (let i = 0; i < up.length; i++) {
    const j = other.indexOf(up[i]!);
    if (j !== -1) return { distance: i + j, commonAncestor: up[i]! };
  }
  return { distance: up.length + other.length };
}
