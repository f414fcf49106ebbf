import {
  divisionAncestors,
  divisionChildren,
  errors,
  getDivision,
  requirePermission,
  resolveArea,
  type Actor,
  type Bilingual,
  type Division,
} from '@proofdesk/domain';
import type { DivisionRef } from './outlet-coverage.service.js';

/** The resolution of one free-form place name, as the API answers it. */
export interface AreaResolutionView {
  readonly input: string;
  readonly status: 'resolved' | 'ambiguous' | 'unresolved';
  readonly division?: DivisionRef;
  readonly viaAlias?: boolean;
  readonly candidates?: readonly DivisionRef[];
  readonly reason?: Bilingual;
}

/** A division with its ancestors (province first) and its children. */
export interface AreaDetail {
  readonly division: DivisionRef & { readonly name: string; readonly parent: string | null };
  readonly ancestors: readonly DivisionRef[];
  readonly children: readonly DivisionRef[];
}

export const MAX_RESOLVE_NAMES = 1_000;

const ref = (d: Division): DivisionRef => ({ code: d.code, fullName: d.fullName, level: d.level });

/** China's divisions for the console and API: resolve place names, look a code up with its parents and children. */
export class AreaService {
  /**
   * Resolves each name (never a silent guess: ambiguous names answer their candidates).
   * @throws {DomainError} `forbidden` without `network.read`; `invalid_input` over 1,000 names
   */
  resolveNames(actor: Actor, names: readonly string[]): AreaResolutionView[] {
    requirePermission(actor, 'network.read');
    if (names.length > MAX_RESOLVE_NAMES)
      throw errors.invalidInput('names', { zh: `最多 ${MAX_RESOLVE_NAMES} 个`, en: `at most ${MAX_RESOLVE_NAMES}` });
    return names.map((name) => {
      const r = resolveArea(name);
      switch (r.status) {
        case 'resolved':
          return { input: r.input, status: r.status, division: ref(r.division), ...(r.via ? { viaAlias: true } : {}) };
        case 'ambiguous':
          return { input: r.input, status: r.status, candidates: r.candidates.map(ref) };
        case 'unresolved':
          return { input: r.input, status: r.status, reason: r.reason };
      }
    });
  }

  /** @throws {DomainError} `forbidden`; `not_found` for a code that names no division */
  getArea(actor: Actor, code: string): AreaDetail {
    requirePermission(actor, 'network.read');
    const division = getDivision(code);
    if (!division) throw errors.notFound('division', code);
    return {
      division: { ...ref(division), name: division.name, parent: division.parent ?? null },
      ancestors: divisionAncestors(code)
        .map((c) => getDivision(c))
        .filter((d): d is Division => d !== undefined)
        .map(ref)
        .reverse(),
      children: divisionChildren(code).map(ref),
    };
  }
}
