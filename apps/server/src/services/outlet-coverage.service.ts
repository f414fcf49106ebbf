import {
  actorLabel,
  errors,
  getDivision,
  requirePermission,
  resolveArea,
  type Actor,
  type Bilingual,
  type Division,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { bumpNetworkVersion, toCoverageRule, type CoverageRuleRow } from '../adapters/db/network.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { checkVersion, requireDivision } from './network-input.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** A coverage rule with the division's official full name (absent when the code left the division table). */
export interface CoverageRuleView extends CoverageRuleRow {
  readonly fullName: string | null;
  readonly level: Division['level'] | null;
}

/** An outlet's coverage and the outlet's version after the last change. */
export interface OutletCoverage {
  readonly outletId: string;
  readonly version: number;
  readonly rules: readonly CoverageRuleView[];
}

/** A division offered to the user: code, official full name, level. */
export interface DivisionRef {
  readonly code: string;
  readonly fullName: string;
  readonly level: Division['level'];
}

/** One line of a pasted list and what became of it. */
export interface CoverageImportRow {
  /** 1-based line number in the pasted text. */
  readonly line: number;
  readonly input: string;
  readonly status: 'resolved' | 'ambiguous' | 'unresolved';
  /** Resolved: the division. */
  readonly division?: DivisionRef;
  /** Resolved through the alias table (a renamed or missing area). */
  readonly viaAlias?: boolean;
  /** Resolved to a code an earlier line already gave: counted once. */
  readonly duplicateOfLine?: number;
  /** Resolved to a code the outlet already has a rule for (its mode is kept). */
  readonly existingMode?: 'include' | 'exclude';
  /** Ambiguous: every candidate, for the user to pick from. */
  readonly candidates?: readonly DivisionRef[];
  /** Unresolved: why. */
  readonly reason?: Bilingual;
}

/** The answer to an import: every line, the counts, and (applied) the outlet's coverage afterwards. */
export interface CoverageImportReport {
  readonly applied: boolean;
  readonly mode: 'include' | 'exclude';
  readonly rows: readonly CoverageImportRow[];
  readonly counts: {
    /** Non-empty, non-comment lines. */
    readonly lines: number;
    readonly resolved: number;
    readonly ambiguous: number;
    readonly unresolved: number;
    /** Resolved lines whose code an earlier line already gave. */
    readonly duplicates: number;
    /** Resolved codes the outlet already had a rule for. */
    readonly alreadyPresent: number;
    /** New rules stored (applied) or that applying would store (preview). */
    readonly added: number;
  };
  readonly coverage?: OutletCoverage;
}

export const MAX_COVERAGE_RULES = 20_000;
export const MAX_IMPORT_CHARS = 200_000;
export const MAX_IMPORT_LINES = 5_000;

const ref = (d: Division): DivisionRef => ({ code: d.code, fullName: d.fullName, level: d.level });

/**
 * An outlet's coverage: replaced as a whole, or extended from a pasted list of place names resolved with the area
 * resolver (a preview shows what resolved, what is ambiguous and what did not; applying stores only the resolved
 * ones). Each write bumps the outlet's and the network's version and is audited in the same transaction.
 */
export class OutletCoverageService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'ids'>) {}

  /** @throws {DomainError} `forbidden`; `not_found` */
  async getCoverage(actor: Actor, outletId: string): Promise<OutletCoverage> {
    requirePermission(actor, 'network.read');
    const db = this.deps.db.kysely;
    const outlet = await this.requireOutlet(db, actor.workspaceId, outletId);
    return this.readCoverage(db, actor.workspaceId, outletId, outlet.version);
  }

  /**
   * Replaces the outlet's coverage with `rules` (the same code twice with the same mode counts once).
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input` for an unknown code, a code both included and
   *   excluded, or too many rules; `conflict` when `expectedVersion` is not the outlet's version
   */
  async replaceCoverage(
    actor: Actor,
    outletId: string,
    rules: readonly CoverageRuleRow[],
    expectedVersion?: number,
  ): Promise<OutletCoverage> {
    requirePermission(actor, 'network.admin');
    if (rules.length > MAX_COVERAGE_RULES)
      throw errors.invalidInput('rules', {
        zh: `最多 ${MAX_COVERAGE_RULES} 条`,
        en: `at most ${MAX_COVERAGE_RULES} rules`,
      });
    const byCode = new Map<string, CoverageRuleRow['mode']>();
    rules.forEach((rule, i) => {
      const code = requireDivision(`rules[${i}].code`, rule.code).code;
      const seen = byCode.get(code);
      if (seen && seen !== rule.mode)
        throw errors.invalidInput(`rules[${i}]`, {
          zh: `${code} 不能既包含又排除`,
          en: `${code} cannot be both included and excluded`,
        });
      byCode.set(code, rule.mode);
    });
    const { db, clock } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      const outlet = await this.requireOutlet(trx, actor.workspaceId, outletId);
      checkVersion('outlet', outletId, expectedVersion, outlet.version);
      const before = await this.ruleMap(trx, actor.workspaceId, outletId);
      await trx
        .deleteFrom('outlet_coverage')
        .where('workspace_id', '=', actor.workspaceId)
        .where('outlet_id', '=', outletId)
        .execute();
      await this.insertRules(trx, actor.workspaceId, outletId, [...byCode], at);
      const diff = {
        added: [...byCode].filter(([code, mode]) => before.get(code) !== mode).map(([code, mode]) => ({ code, mode })),
        removed: [...before]
          .filter(([code, mode]) => byCode.get(code) !== mode)
          .map(([code, mode]) => ({ code, mode })),
      };
      const version = await this.touch(trx, actor, at, outletId, outlet.version, 'outlet.coverage_replaced', {
        rules: byCode.size,
        ...diff,
      });
      return this.readCoverage(trx, actor.workspaceId, outletId, version);
    });
  }

  /**
   * Resolves a pasted list, one place name per line (blank lines and lines starting with `#` skipped). With
   * `apply`, stores a rule of `mode` for every resolved code the outlet has no rule for yet (existing rules keep
   * their mode), in one transaction with its audit row. Ambiguous and unresolved lines are never guessed.
   * @throws {DomainError} `forbidden` (`network.read` to preview, `network.admin` to apply); `not_found`;
   *   `invalid_input` for text over 200,000 characters or 5,000 lines
   */
  async importCoverage(
    actor: Actor,
    outletId: string,
    input: { readonly text: string; readonly apply: boolean; readonly mode?: 'include' | 'exclude' },
  ): Promise<CoverageImportReport> {
    requirePermission(actor, input.apply ? 'network.admin' : 'network.read');
    const mode = input.mode ?? 'include';
    const lines = splitLines(input.text);
    const db = this.deps.db.kysely;
    await this.requireOutlet(db, actor.workspaceId, outletId);
    const resolved = lines.map(({ line, text }) => resolveLine(line, text));
    if (!input.apply) {
      const existing = await this.ruleMap(db, actor.workspaceId, outletId);
      return report(false, mode, resolved, existing);
    }
    const at = nowIso(this.deps.clock);
    return db.transaction().execute(async (trx) => {
      const outlet = await this.requireOutlet(trx, actor.workspaceId, outletId);
      const existing = await this.ruleMap(trx, actor.workspaceId, outletId);
      const result = report(true, mode, resolved, existing);
      const added = result.rows.filter((r) => r.division && !r.duplicateOfLine && !r.existingMode);
      if (existing.size + added.length > MAX_COVERAGE_RULES)
        throw errors.invalidInput('text', {
          zh: `网点最多 ${MAX_COVERAGE_RULES} 条覆盖规则`,
          en: `an outlet has at most ${MAX_COVERAGE_RULES} coverage rules`,
        });
      await this.insertRules(
        trx,
        actor.workspaceId,
        outletId,
        added.map((r) => [r.division!.code, mode] as const),
        at,
      );
      const version = await this.touch(trx, actor, at, outletId, outlet.version, 'outlet.coverage_imported', {
        mode,
        counts: result.counts,
        added: added.map((r) => r.division!.code),
        ambiguous: result.rows.filter((r) => r.status === 'ambiguous').map((r) => r.input),
        unresolved: result.rows.filter((r) => r.status === 'unresolved').map((r) => r.input),
      });
      return { ...result, coverage: await this.readCoverage(trx, actor.workspaceId, outletId, version) };
    });
  }

  private async requireOutlet(db: Kysely<Database>, workspaceId: string, outletId: string) {
    const row = await db
      .selectFrom('outlets')
      .select(['id', 'version'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', outletId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('outlet', outletId);
    return { id: row.id, version: Number(row.version) };
  }

  private async ruleMap(db: Kysely<Database>, workspaceId: string, outletId: string) {
    const rows = await db
      .selectFrom('outlet_coverage')
      .select(['code', 'mode'])
      .where('workspace_id', '=', workspaceId)
      .where('outlet_id', '=', outletId)
      .execute();
    return new Map(rows.map((r) => [r.code, r.mode]));
  }

  private async readCoverage(
    db: Kysely<Database>,
    workspaceId: string,
    outletId: string,
    version: number,
  ): Promise<OutletCoverage> {
    const rows = await db
      .selectFrom('outlet_coverage')
      .select(['code', 'mode'])
      .where('workspace_id', '=', workspaceId)
      .where('outlet_id', '=', outletId)
      .orderBy('code')
      .execute();
    return {
      outletId,
      version,
      rules: rows.map((row) => {
        const division = getDivision(row.code);
        return { ...toCoverageRule(row), fullName: division?.fullName ?? null, level: division?.level ?? null };
      }),
    };
  }

  private async insertRules(
    trx: Kysely<Database>,
    workspaceId: string,
    outletId: string,
    rules: readonly (readonly [string, 'include' | 'exclude'])[],
    at: string,
  ): Promise<void> {
    const rows = rules.map(([code, mode]) => ({
      workspace_id: workspaceId,
      outlet_id: outletId,
      code,
      mode,
      created_at: at,
    }));
    // 5 parameters a row: well under SQLite's 32,766 per statement.
    for (let i = 0; i < rows.length; i += 1_000)
      await trx
        .insertInto('outlet_coverage')
        .values(rows.slice(i, i + 1_000))
        .execute();
  }

  /** Bumps the outlet's version (conditional on the one read) and the network's, and audits; returns the new version. */
  private async touch(
    trx: Kysely<Database>,
    actor: Actor,
    at: string,
    outletId: string,
    version: number,
    action: string,
    data: Record<string, unknown>,
  ): Promise<number> {
    const result = await trx
      .updateTable('outlets')
      .set({ version: version + 1, updated_at: at })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', outletId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw errors.conflict(
        { zh: '网点已被他人修改，请刷新后重试', en: 'The outlet changed meanwhile; reload and retry' },
        { id: outletId },
      );
    await appendAudit(trx, this.deps.ids, {
      workspaceId: actor.workspaceId,
      at,
      actor: actorLabel(actor),
      action,
      subjectType: 'outlet',
      subjectId: outletId,
      data,
    });
    await bumpNetworkVersion(trx, actor.workspaceId);
    return version + 1;
  }
}

/** The non-empty, non-comment lines of pasted text with their 1-based numbers. @throws {DomainError} over the limits */
export function splitLines(text: string): { line: number; text: string }[] {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS)
    throw errors.invalidInput('text', {
      zh: `须为不超过 ${MAX_IMPORT_CHARS} 个字符的文本`,
      en: `must be text of at most ${MAX_IMPORT_CHARS} characters`,
    });
  const out = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ line: i + 1, text: raw.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'));
  if (out.length > MAX_IMPORT_LINES)
    throw errors.invalidInput('text', {
      zh: `最多 ${MAX_IMPORT_LINES} 行`,
      en: `at most ${MAX_IMPORT_LINES} lines`,
    });
  return out;
}

function resolveLine(line: number, text: string): CoverageImportRow {
  const r = resolveArea(text);
  switch (r.status) {
    case 'resolved':
      return { line, input: text, status: 'resolved', division: ref(r.division), ...(r.via ? { viaAlias: true } : {}) };
    case 'ambiguous':
      return { line, input: text, status: 'ambiguous', candidates: r.candidates.map(ref) };
    case 'unresolved':
      return { line, input: text, status: 'unresolved', reason: r.reason };
  }
}

/** Marks duplicates and codes already covered, and counts. */
function report(
  applied: boolean,
  mode: 'include' | 'exclude',
  resolved: readonly CoverageImportRow[],
  existing: ReadonlyMap<string, 'include' | 'exclude'>,
): CoverageImportReport {
  const firstLine = new Map<string, number>();
  const counts = {
    lines: resolved.length,
    resolved: 0,
    ambiguous: 0,
    unresolved: 0,
    duplicates: 0,
    alreadyPresent: 0,
    added: 0,
  };
  const rows = resolved.map((row): CoverageImportRow => {
    counts[row.status] += 1;
    if (!row.division) return row;
    const code = row.division.code;
    const first = firstLine.get(code);
    if (first !== undefined) {
      counts.duplicates += 1;
      return { ...row, duplicateOfLine: first };
    }
    firstLine.set(code, row.line);
    const existingMode = existing.get(code);
    if (existingMode) {
      counts.alreadyPresent += 1;
      return { ...row, existingMode };
    }
    counts.added += 1;
    return row;
  });
  return { applied, mode, rows, counts };
}
