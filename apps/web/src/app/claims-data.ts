import { api, unwrap, type Claim, type ClaimStatus } from '../api/client';

export interface ClaimFilter {
  readonly status?: ClaimStatus;
  readonly flagged?: boolean;
  readonly q?: string;
}

/** Every claim matching the filter, following cursors (at most `maxPages` pages of 200). */
export async function listClaims(filter: ClaimFilter = {}, maxPages = 10): Promise<Claim[]> {
  const all: Claim[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = unwrap(
      await api.GET('/api/v1/claims', {
        params: {
          query: {
            limit: 200,
            ...(cursor ? { cursor } : {}),
            ...(filter.status ? { status: filter.status } : {}),
            ...(filter.flagged !== undefined ? { flagged: filter.flagged ? 'true' : 'false' } : {}),
            ...(filter.q ? { q: filter.q } : {}),
          },
        },
      }),
    );
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

/** Statuses a reviewer can decide. */
export const DECIDABLE: readonly ClaimStatus[] = ['in_review', 'appealed'];

/**
 * The review queue's order: highest risk first (unscored last), then the nearest deadline (none last), then oldest.
 */
export function byRiskThenDeadline(a: Claim, b: Claim): number {
  const risk = (b.riskScore ?? -1) - (a.riskScore ?? -1);
  if (risk !== 0) return risk;
  const deadline = (c: Claim) => (c.merchantDeadlineAt ? Date.parse(c.merchantDeadlineAt) : Number.POSITIVE_INFINITY);
  const byDeadline = deadline(a) - deadline(b);
  if (byDeadline !== 0 && !Number.isNaN(byDeadline)) return byDeadline;
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}
